import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf, factoryFor } from '../../runtime/command-context.js';
import { boolFlag } from '../../runtime/flag-values.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl version` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Print the client and server version information for the current context.`,
  example: `# Print the client and server versions for the current context
ktl version`,
  usage: '[flags]',
};

/** `ktl version`: the client's and the server's version. */
export function newVersionCommand(context: CommandContext): Command {
  return withHelp(
    new Command('version')
      .description('Print the client and server version information for the current context.')
      .option('--client [bool]', 'If true, shows client version only (no server required).')
      .option('-o, --output <format>', "One of 'yaml' or 'json'.")
      .action(async (opts: { client?: boolean | string; output?: string }, command: Command) => {
        const { runVersion } = await import('./run-version.js');
        await runVersion(factoryFor(context, command), {
          clientOnly: boolFlag('--client', opts.client, commandPathOf(command)),
          output: opts.output ?? '',
        });
      }),
    HELP,
  );
}

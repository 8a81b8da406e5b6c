import { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** A pflag bool with an optional value (`--client`, `--client=false`), in pflag's words on error. */
function boolValue(flag: string, value: boolean | string | undefined): boolean {
  if (typeof value !== 'string') return value === true;
  if (/^(1|t|T|TRUE|true|True)$/.test(value)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(value)) return false;
  throw new PlainError(
    `invalid argument "${value}" for "${flag}" flag: strconv.ParseBool: parsing "${value}": invalid syntax\nSee 'ktl version --help' for usage.`,
  );
}

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
          clientOnly: boolValue('--client', opts.client),
          output: opts.output ?? '',
        });
      }),
    HELP,
  );
}

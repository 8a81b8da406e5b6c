import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** `ktl version`: the client's and the server's version. */
export function newVersionCommand(context: CommandContext): Command {
  return new Command('version')
    .description('Print the client and server version information for the current context.')
    .option('--client', 'If true, shows client version only (no server required).')
    .option('-o, --output <format>', "One of 'yaml' or 'json'.")
    .action(async (opts: { client?: boolean; output?: string }, command: Command) => {
      const { runVersion } = await import('./run-version.js');
      await runVersion(factoryFor(context, command), {
        clientOnly: opts.client === true,
        output: opts.output ?? '',
      });
    });
}

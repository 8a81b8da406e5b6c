import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';

/** `ktl api-versions`: every group/version the server serves. */
export function newApiVersionsCommand(context: CommandContext): Command {
  return new Command('api-versions')
    .description('Print the supported API versions on the server, in the form of "group/version".')
    .action(async (_opts: object, command: Command) => {
      const { runApiVersions } = await import('./run-api-versions.js');
      await runApiVersions(factoryFor(context, command));
    });
}

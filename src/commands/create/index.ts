import { Command } from 'commander';
import { PlainError, UsageError } from '../../errors/errors.js';
import type { CommandContext } from '../command-context.js';
import { commandPathOf, factoryFor } from '../command-context.js';
import { configCommands } from './defs-config.js';
import { miscCommands } from './defs-misc.js';
import { rbacCommands } from './defs-rbac.js';
import { serviceCommand } from './defs-service.js';
import { workloadCommands } from './defs-workloads.js';

/**
 * `ktl create <kind>`: build an object from flags with a generator and create it.
 * (`create -f` is added by the manifest reader; this command is structured to take it.)
 */
export function newCreateCommand(context: CommandContext): Command {
  const create = new Command('create')
    .description('Create a resource from a file or from stdin.')
    .argument('[args...]')
    .addHelpText(
      'after',
      '\nCreate from files: ktl create -f FILENAME [-R] [--dry-run=none|client|server] [--validate=strict|warn|ignore] [-o json|yaml|name] [--field-manager=NAME]',
    )
    .allowUnknownOption()
    .action(async (args: string[], _opts: object, command: Command) => {
      // create's own flags are read here, not declared on the command: declared on the parent,
      // commander would take -o or --dry-run away from the subcommands that also have them.
      const raw = command.args;
      if (!raw.some((a) => a === '-f' || a.startsWith('--filename') || a.startsWith('-f'))) {
        if (args.length > 0)
          throw new UsageError(`Unexpected args: [${args.join(' ')}]`, commandPathOf(command));
        throw new PlainError('must specify one of -f and -k');
      }
      const { parseCreateFileArgs, runCreateFromFiles } = await import('./run-from-files.js');
      await runCreateFromFiles(factoryFor(context, command), parseCreateFileArgs(raw));
    });
  const subcommands = [
    ...configCommands(context),
    ...miscCommands(context),
    ...rbacCommands(context),
    serviceCommand(context),
    ...workloadCommands(context),
  ].sort((a, b) => a.name().localeCompare(b.name()));
  for (const sub of subcommands) create.addCommand(sub);
  return create;
}

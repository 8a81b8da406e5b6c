import { Command } from 'commander';
import { PlainError, UsageError } from '../../errors/errors.js';
import type { CommandContext } from '../command-context.js';
import { commandPathOf } from '../command-context.js';
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
    .action((args: string[], _opts: object, command: Command) => {
      if (args.length > 0)
        throw new UsageError(`Unexpected args: [${args.join(' ')}]`, commandPathOf(command));
      throw new PlainError('must specify one of -f and -k');
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

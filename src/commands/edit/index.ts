import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import type { EditFlags } from './run-edit.js';

/** `ktl edit`: edit a resource on the server in $KUBE_EDITOR / $EDITOR. */
export function newEditCommand(context: CommandContext): Command {
  return new Command('edit')
    .description('Edit a resource on the server.')
    .argument('[args...]', '(RESOURCE/NAME | -f FILENAME)')
    .option('-o, --output <format>', 'Output format for editing: yaml (default) or json.')
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      'kubectl-edit',
    )
    .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).')
    .action(async (args: string[], flags: EditFlags, cmd: Command) => {
      const { runEdit } = await import('./run-edit.js');
      await runEdit(factoryFor(context, cmd), args, flags);
    });
}

import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import { addMutationFlags } from '../create/flags.js';
import { addFilenameFlags } from './file-flags.js';
import type { KeyKind, LabelFlags } from './run-label.js';

/** The flags label and annotate share (kubectl's label.go / annotate.go). */
export function addKeyUpdateFlags(command: Command, kind: KeyKind): Command {
  const noun = kind === 'label' ? 'labels' : 'annotations';
  command
    .option(
      '--overwrite',
      `If true, allow ${noun} to be overwritten, otherwise reject ${kind} updates that overwrite existing ${noun}.`,
    )
    .option('--all', 'Select all resources, in the namespace of the specified resource types')
    .option('-A, --all-namespaces', 'If true, check the specified action in all namespaces.')
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--field-selector <selector>',
      "Selector (field query) to filter on, supports '=', '==', and '!='.",
    )
    .option('--list', `If true, display the ${noun} for a given resource.`)
    .option(
      '--resource-version <version>',
      `If non-empty, the ${kind} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    )
    .option('-o, --output <format>', 'Output format. One of: (json, yaml, name).');
  addFilenameFlags(command, `update the ${kind}`);
  return addMutationFlags(command, kind === 'label' ? 'kubectl-label' : 'kubectl-annotate', false);
}

/** `ktl label`: update the labels on a resource. */
export function newLabelCommand(context: CommandContext): Command {
  const command = new Command('label')
    .description('Update the labels on a resource.')
    .argument('[args...]', 'TYPE NAME | TYPE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N');
  return addKeyUpdateFlags(command, 'label').action(
    async (args: string[], flags: LabelFlags, cmd: Command) => {
      const { runLabel } = await import('./run-label.js');
      await runLabel(factoryFor(context, cmd), 'label', args, flags);
    },
  );
}

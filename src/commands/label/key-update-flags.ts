import type { Command } from 'commander';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { KeyKind } from './run-label.js';

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
    .option('--local', `If true, ${kind} will NOT contact api-server but run locally.`)
    .option(
      '--resource-version <version>',
      `If non-empty, the ${kind} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    );
  addFilenameFlags(addPrintFlags(command), `update the ${kind}`);
  return addMutationFlags(command, kind === 'label' ? 'kubectl-label' : 'kubectl-annotate', false);
}

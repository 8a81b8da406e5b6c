import type { Command } from 'commander';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';

/** addPrintFlags plus addMutationFlags: what every `create` subcommand has. */
export function addCreateFlags(command: Command, fieldManager = 'kubectl-create'): Command {
  return addMutationFlags(addPrintFlags(command), fieldManager);
}

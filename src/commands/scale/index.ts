import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import { addMutationFlags } from '../create/flags.js';
import { addFilenameFlags } from '../label/file-flags.js';
import type { ScaleFlags } from './run-scale.js';

/** `ktl scale`: set a new size for a deployment, replica set, replication controller, or stateful set. */
export function newScaleCommand(context: CommandContext): Command {
  const command = new Command('scale')
    .description(
      'Set a new size for a deployment, replica set, replication controller, or stateful set.',
    )
    .argument('[args...]', '(-f FILENAME | TYPE NAME)')
    .option('--replicas <count>', 'The new desired number of replicas. Required.')
    .option(
      '--current-replicas <count>',
      'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
      '-1',
    )
    .option(
      '--resource-version <version>',
      'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    )
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--timeout <duration>',
      "The length of time to wait before giving up on a scale operation, zero means don't wait.",
      '0s',
    )
    .option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json).',
    );
  addFilenameFlags(command, 'set a new size');
  return addMutationFlags(command, 'kubectl-scale', false).action(
    async (args: string[], flags: ScaleFlags, cmd: Command) => {
      const { runScale } = await import('./run-scale.js');
      await runScale(factoryFor(context, cmd), cmd, args, flags);
    },
  );
}

import { Command } from 'commander';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import type { ScaleFlags } from './run-scale.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl scale` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: `# Scale a replica set named 'foo' to 3
ktl scale --replicas=3 rs/foo

# Scale a resource identified by type and name specified in "foo.yaml" to 3
ktl scale --replicas=3 -f foo.yaml

# If the deployment named mysql's current size is 2, scale mysql to 3
ktl scale --current-replicas=2 --replicas=3 deployment/mysql

# Scale multiple replication controllers
ktl scale --replicas=5 rc/example1 rc/example2 rc/example3

# Scale stateful set named 'web' to 3
ktl scale --replicas=3 statefulset/web`,
  usage:
    '[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  defaults: { 'current-replicas': plainDefault(-1), replicas: plainDefault(0) },
};

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
    );
  addFilenameFlags(addPrintFlags(command), 'set a new size');
  return withHelp(
    addMutationFlags(command, 'kubectl-scale', false).action(
      async (args: string[], flags: ScaleFlags, cmd: Command) => {
        const { runScale } = await import('./run-scale.js');
        await runScale(factoryFor(context, cmd), cmd, args, flags);
      },
    ),
    HELP,
  );
}

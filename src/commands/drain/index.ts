import { Command, Option } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import type { CordonFlags } from './run-cordon.js';
import type { DrainFlags } from './run-drain.js';

const SELECTOR =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.";
const DRY_RUN =
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';

function cordonCommand(context: CommandContext, desired: boolean): Command {
  const verb = desired ? 'cordon' : 'uncordon';
  const state = desired ? 'unschedulable' : 'schedulable';
  const help: CommandHelp = {
    long: `Mark node as ${state}.`,
    example: `# Mark node "foo" as ${state}\nktl ${verb} foo`,
    usage: 'NODE',
  };
  const command = new Command(verb)
    .description(`Mark node as ${state}`)
    .argument('[args...]', 'NODE')
    .addOption(new Option('--dry-run [strategy]', DRY_RUN).default('none'))
    .option('-l, --selector <selector>', SELECTOR)
    .action(async (args: string[], flags: CordonFlags, cmd: Command) => {
      const { runCordon } = await import('./run-cordon.js');
      await runCordon(factoryFor(context, cmd), args, flags, desired);
    });
  return withHelp(command, help);
}

/** `ktl cordon NODE`: mark a node unschedulable. */
export function newCordonCommand(context: CommandContext): Command {
  return cordonCommand(context, true);
}

/** `ktl uncordon NODE`: mark a node schedulable again. */
export function newUncordonCommand(context: CommandContext): Command {
  return cordonCommand(context, false);
}

const DRAIN_LONG = `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg`;

/** \`ktl drain NODE\`: cordon a node and evict its pods. */
export function newDrainCommand(context: CommandContext): Command {
  const help: CommandHelp = {
    long: DRAIN_LONG,
    example:
      '# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\nktl drain foo --force\n\n# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\nktl drain foo --grace-period=900',
    usage: 'NODE',
  };
  const command = new Command('drain')
    .description('Drain node in preparation for maintenance')
    .argument('[args...]', 'NODE')
    .option(
      '--chunk-size <n>',
      'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
      '500',
    )
    .option(
      '--delete-emptydir-data',
      'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    )
    .option(
      '--disable-eviction',
      'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
    )
    .addOption(new Option('--dry-run [strategy]', DRY_RUN).default('none'))
    .option('--force', 'Continue even if there are pods that do not declare a controller.')
    .option(
      '--grace-period <seconds>',
      'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
      '-1',
    )
    .option('--ignore-daemonsets', 'Ignore DaemonSet-managed pods.')
    .option('--pod-selector <selector>', 'Label selector to filter pods on the node')
    .option('-l, --selector <selector>', SELECTOR)
    .option(
      '--skip-wait-for-delete-timeout <seconds>',
      'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
      '0',
    )
    .option(
      '--timeout <duration>',
      'The length of time to wait before giving up, zero means infinite',
      '0s',
    )
    .action(async (args: string[], flags: DrainFlags, cmd: Command) => {
      const { runDrain } = await import('./run-drain.js');
      await runDrain(factoryFor(context, cmd), args, flags);
    });
  return withHelp(command, help);
}

import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';
import type { TopNodeFlags } from './run-top-node.js';
import type { TopPodFlags } from './run-top-pod.js';

const SELECTOR =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.";
const PROTOBUF = 'Enables using protocol-buffers to access Metrics API.';

/** Flags both subcommands share; --use-protocol-buffers is accepted, and ktl always reads JSON. */
function addCommonFlags(command: Command, what: string): Command {
  return command
    .option('-l, --selector <selector>', SELECTOR)
    .option(
      '--sort-by <field>',
      `If non-empty, sort ${what} list using specified field. The field can be either 'cpu' or 'memory'.`,
    )
    .option('--no-headers', 'If present, print output without headers')
    .option('--use-protocol-buffers [bool]', PROTOBUF, true);
}

function nodeCommand(context: CommandContext): Command {
  const command = new Command('node')
    .aliases(['nodes', 'no'])
    .description('Display resource (CPU/memory) usage of nodes.')
    .argument('[args...]', 'NAME');
  return addCommonFlags(command, 'nodes')
    .option(
      '--show-capacity',
      'Print node resources based on Capacity instead of Allocatable(default) of the nodes.',
    )
    .option('--show-swap', 'Print node resources related to swap memory.')
    .action(async (args: string[], flags: TopNodeFlags, cmd: Command) => {
      const { runTopNode } = await import('./run-top-node.js');
      await runTopNode(factoryFor(context, cmd), args, flags);
    });
}

function podCommand(context: CommandContext): Command {
  const command = new Command('pod')
    .aliases(['pods', 'po'])
    .description('Display resource (CPU/memory) usage of pods.')
    .argument('[args...]', 'NAME');
  return addCommonFlags(command, 'pods')
    .option(
      '--field-selector <selector>',
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    )
    .option('--containers', 'If present, print usage of containers within a pod.')
    .option(
      '-A, --all-namespaces',
      'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    )
    .option('--sum', 'Print the sum of the resource usage')
    .option('--show-swap', 'Print pod resources related to swap memory.')
    .action(async (args: string[], flags: TopPodFlags, cmd: Command) => {
      const { runTopPod } = await import('./run-top-pod.js');
      await runTopPod(factoryFor(context, cmd), args, flags);
    });
}

/** kubectl's help for `ktl top`. */
const HELP: CommandHelp = {
  long: `Display resource (CPU/memory) usage.

 This command provides a view of recent resource consumption for nodes and pods. It fetches metrics from the Metrics Server, which aggregates this data from the kubelet on each node. The Metrics Server must be installed and running in the cluster for this command to work.

 The metrics shown are specifically optimized for Kubernetes autoscaling decisions, such as those made by the Horizontal Pod Autoscaler (HPA) and Vertical Pod Autoscaler (VPA). Because of this, the values may not match those from standard OS tools like 'top', as the metrics are designed to provide a stable signal for autoscalers rather than for pinpoint accuracy.

 When to use this command:

  *  For on-the-fly spot-checks of resource usage (e.g. identify which pods are consuming the most resources at a glance, or get a quick sense of the load on your nodes)
  *  Understand current resource consumption patterns
  *  Validate the behavior of your HPA or VPA configurations by seeing the metrics they use for scaling decisions.

 It is not intended to be a replacement for full-featured monitoring solutions. Its primary design goal is to provide a low-overhead signal for autoscalers, not to be a perfectly accurate monitoring tool. For high-accuracy reporting, historical analysis, dashboarding, or alerting, you should use a dedicated monitoring solution.`,
  usage: '[flags]',
};

const NODE_HELP: CommandHelp = {
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  example: `# Show metrics for all nodes
ktl top node

# Show metrics for a given node
ktl top node NODE_NAME`,
  usage: 'node [NAME | -l label]',
};

const POD_HELP: CommandHelp = {
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  example: `# Show metrics for all pods in the default namespace
ktl top pod

# Show metrics for all pods in the given namespace
ktl top pod --namespace=NAMESPACE

# Show metrics for a given pod and its containers
ktl top pod POD_NAME --containers

# Show metrics for the pods defined by label name=myLabel
ktl top pod -l name=myLabel`,
  usage: 'pod [NAME | -l label]',
};

const SUBCOMMAND_HELP: SubcommandHelp = [
  [['node'], NODE_HELP],
  [['pod'], POD_HELP],
];

/** `ktl top node|pod`: resource usage from the metrics API. */
export function newTopCommand(context: CommandContext): Command {
  const top = new Command('top')
    .description('Display resource (CPU/memory) usage')
    .addCommand(nodeCommand(context))
    .addCommand(podCommand(context));
  asCommandGroup(top, context.streams, 'stderr');
  return withGroupHelp(top, HELP, SUBCOMMAND_HELP);
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { rawFlagValues } from '../../runtime/command-args.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { listDefault, stringDefault, withHelp } from '../../runtime/command-help.js';
import { collectList } from '../../runtime/flag-values.js';
import type { DebugFlags } from './run-debug.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const ONLY_COPY = "(This flag only works when used with '--copy-to')";

/** kubectl's help for `ktl debug`. */
const HELP: CommandHelp = {
  long: `Debug cluster resources using interactive debugging containers.

 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

 The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.

 Note: When a non-root user is configured for the entire target Pod, some capabilities granted by debug profile may not work.`,
  example: `# Create an interactive debugging session in pod mypod and immediately attach to it.
ktl debug mypod -it --image=busybox

# Create an interactive debugging session for the pod in the file pod.yaml and immediately attach to it.
# (requires the EphemeralContainers feature to be enabled in the cluster)
ktl debug -f pod.yaml -it --image=busybox

# Create a debug container named debugger using a custom automated debugging image.
ktl debug --image=myproj/debug-tools -c debugger mypod

# Create a copy of mypod adding a debug container and attach to it
ktl debug mypod -it --image=busybox --copy-to=my-debugger

# Create a copy of mypod changing the command of mycontainer
ktl debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh

# Create a copy of mypod changing all container images to busybox
ktl debug mypod --copy-to=my-debugger --set-image=*=busybox

# Create a copy of mypod adding a debug container and changing container images
ktl debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug

# Create an interactive debugging session on a node and immediately attach to it.
# The container will run in the host namespaces and the host's filesystem will be mounted at /host
ktl debug node/mynode -it --image=busybox`,
  usage: '(POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]',
  defaults: {
    profile: stringDefault('legacy'),
    'set-image': listDefault(),
    filename: listDefault(),
  },
};

/** `ktl debug`: ephemeral containers, pod copies and node pods for debugging. */
export function newDebugCommand(context: CommandContext): Command {
  return withHelp(
    new Command('debug')
      .description('Create debugging sessions for troubleshooting workloads and nodes.')
      .argument('[args...]')
      .option(
        '--arguments-only',
        'If specified, everything after -- will be passed to the new container as Args instead of Command.',
      )
      .option(
        '--attach [bool]',
        "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true.",
      )
      .option('-c, --container <name>', 'Container name to use for debug container.')
      .option('--copy-to <name>', 'Create a copy of the target Pod with this name.')
      .option(
        '--custom <file>',
        'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.',
      )
      .option('-f, --filename <file>', 'identifying the resource to debug', collectList)
      .option('--env <key=value>', 'Environment variables to set in the container.', collect)
      .option('--image <image>', 'Container image to use for debug container.')
      .option(
        '--image-pull-policy <policy>',
        'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.',
      )
      .option('--keep-annotations', `If true, keep the original pod annotations.${ONLY_COPY}`)
      .option(
        '--keep-init-containers [bool]',
        `Run the init containers for the pod. Defaults to true.${ONLY_COPY}`,
        true,
      )
      .option('--keep-labels', `If true, keep the original pod labels.${ONLY_COPY}`)
      .option('--keep-liveness', `If true, keep the original pod liveness probes.${ONLY_COPY}`)
      .option('--keep-readiness', `If true, keep the original pod readiness probes.${ONLY_COPY}`)
      .option('--keep-startup', `If true, keep the original startup probes.${ONLY_COPY}`)
      .option(
        '--profile <profile>',
        'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".',
        'legacy',
      )
      .option('-q, --quiet', 'If true, suppress informational messages.')
      .option('--replace', "When used with '--copy-to', delete the original Pod.")
      .option(
        '--same-node',
        "When used with '--copy-to', schedule the copy of target Pod on the same node.",
      )
      .option(
        '--set-image <name=image>',
        "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works.",
        collect,
      )
      .option(
        '--share-processes [bool]',
        "When used with '--copy-to', enable process namespace sharing in the copy.",
        true,
      )
      .option(
        '-i, --stdin',
        'Keep stdin open on the container(s) in the pod, even if nothing is attached.',
      )
      .option(
        '--target <name>',
        'When using an ephemeral container, target processes in this container name.',
      )
      .option('-t, --tty', 'Allocate a TTY for the debugging container.')
      .action(async (args: string[], flags: DebugFlags, cmd: Command) => {
        const { runDebug } = await import('./run-debug.js');
        const normalized = {
          ...flags,
          // debug's --profile shadows the global profiler flag, which commander parses first
          profile: rawFlagValues(cmd, '--profile').at(-1) ?? flags.profile,
          attach: flags.attach === undefined ? undefined : String(flags.attach) !== 'false',
          shareProcesses: String(flags.shareProcesses) !== 'false',
          keepInitContainers: String(flags.keepInitContainers) !== 'false',
        };
        await runDebug(factoryFor(context, cmd), cmd, args, normalized);
      }),
    HELP,
  );
}

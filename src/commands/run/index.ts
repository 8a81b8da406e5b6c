import { Command, Option } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { collect } from '../../runtime/flag-values.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, stringDefault, withHelp } from '../../runtime/command-help.js';
import { addKustomizeFlag } from '../../runtime/filename-flags.js';

/** kubectl's help for `ktl run` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Create and run a particular image in a pod.`,
  example: `# Start a nginx pod
ktl run nginx --image=nginx

# Start a hazelcast pod and let the container expose port 5701
ktl run hazelcast --image=hazelcast/hazelcast --port=5701

# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
ktl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
ktl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

# Dry run; print the corresponding API objects without creating them
ktl run nginx --image=nginx --dry-run=client

# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
ktl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

# Start a busybox pod and keep it in the foreground, don't restart it if it exits
ktl run -i -t busybox --image=busybox --restart=Never

# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
ktl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

# Start the nginx pod using a different command and custom arguments
ktl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  usage:
    'NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  defaults: {
    cascade: stringDefault('background'),
    'grace-period': plainDefault(-1),
    timeout: plainDefault('0s'),
    wait: plainDefault(false),
  },
};

/**
 * kubectl's DeleteFlags on run (for --rm). run overrides the grace period and --wait and never
 * reads -f/-k/-R, so of these only --cascade changes what --rm sends; the others are parsed
 * (a malformed value is refused) and otherwise ignored, as kubectl does.
 */
function addDeleteFlags(command: Command): Command {
  command
    .option(
      '--cascade [strategy]',
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    )
    .option('-f, --filename <file>', 'to use to replace the resource.', collect)
    .option(
      '--force',
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    )
    .option(
      '--grace-period <seconds>',
      'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    );
  addKustomizeFlag(command, 'a');
  return command
    .option(
      '-R, --recursive',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    )
    .option(
      '--timeout <duration>',
      'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
    )
    .option(
      '--wait [bool]',
      'If true, wait for resources to be gone before returning. This waits for finalizers.',
    );
}

/** `ktl run NAME --image=...`: create and run a particular image in a pod. */
export function newRunCommand(context: CommandContext): Command {
  const command = new Command('run')
    .description(
      'Create and run a particular image in a pod.\n\n' +
        'ktl extension: --kind=deployment|job|cronjob builds that workload instead of a Pod ' +
        '(the generators kubectl removed in 1.18), with --replicas and --schedule.',
    )
    .usage(
      'NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
    )
    .argument('[args...]')
    .option('--image <image>', 'The image for the container to run.')
    .option(
      '--image-pull-policy <policy>',
      'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
      '',
    )
    .option('--env <key=value>', 'Environment variables to set in the container.', collect)
    .option('--port <port>', 'The port that this container exposes.', '')
    .option(
      '-l, --labels <labels>',
      'Comma separated labels to apply to the pod. Will override previous values.',
      '',
    )
    .option('--annotations <key=value>', 'Annotations to apply to the pod.', collect)
    .option(
      '--restart <policy>',
      'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
      'Always',
    )
    .option(
      '--command',
      "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    )
    .option(
      '--expose',
      'If true, create a ClusterIP service associated with the pod.  Requires `--port`.',
    )
    .option(
      '--overrides <json>',
      'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
      '',
    )
    .option(
      '--override-type <type>',
      'The method used to override the generated object: json, merge, or strategic.',
      'merge',
    )
    .option('--privileged', 'If true, run the container in privileged mode.')
    .option(
      '-i, --stdin',
      'Keep stdin open on the container in the pod, even if nothing is attached.',
    )
    .option('-t, --tty', 'Allocate a TTY for the container in the pod.')
    .option(
      '--attach [bool]',
      "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
    )
    .option(
      '--leave-stdin-open',
      'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.',
    )
    .option(
      '--rm',
      "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
    )
    .option('-q, --quiet', 'If true, suppress prompt messages.')
    .option(
      '--pod-running-timeout <duration>',
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      '1m0s',
    )
    .addOption(
      new Option('--kind <kind>', 'ktl extension: the workload to create instead of a Pod.')
        .choices(['pod', 'deployment', 'job', 'cronjob'])
        .default('pod'),
    )
    .option('--replicas <n>', 'ktl extension: replicas of a --kind=deployment.')
    .option('--schedule <cron>', 'ktl extension: the cron schedule of a --kind=cronjob.');
  addMutationFlags(addPrintFlags(addDeleteFlags(command)), 'kubectl-run');
  return withHelp(
    command.action(async (args: string[], opts, cmd: Command) => {
      const { runRun } = await import('./run-run.js');
      await runRun(factoryFor(context, cmd), cmd, args, opts);
    }),
    HELP,
  );
}

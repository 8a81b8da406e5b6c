import { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { parseGoDuration } from '../../config/duration.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { collect } from '../../runtime/flag-values.js';
import { dryRunStrategy } from '../../runtime/mutation-flags.js';
import type { DeleteOptions } from './delete-options.js';
import { cascadeFromFlag } from '../../runtime/cascade-flag.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, stringDefault, withHelp } from '../../runtime/command-help.js';

interface DeleteFlags {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  cascade?: string | boolean;
  gracePeriod?: string;
  force?: boolean;
  now?: boolean;
  wait?: string | boolean;
  timeout?: string;
  ignoreNotFound?: boolean;
  dryRun?: string | boolean;
  output?: string;
  interactive?: boolean;
  raw?: string;
}

/** kubectl's help for `ktl delete` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.

 After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run "ktl api-resources" to refresh the discovery cache.`,
  example: `# Delete a pod using the type and name specified in pod.json
ktl delete -f ./pod.json

# Delete resources from all files that end with '.json'
ktl delete -f '*.json'

# Delete a pod based on the type and name in the JSON passed into stdin
cat pod.json | ktl delete -f -

# Delete pods and services with same names "baz" and "foo"
ktl delete pod,service baz foo

# Delete pods and services with label name=myLabel
ktl delete pods,services -l name=myLabel

# Delete a pod with minimal delay
ktl delete pod foo --now

# Force delete a pod on a dead node
ktl delete pod foo --force

# Delete all pods
ktl delete pods --all

# Delete all pods only if the user confirms the deletion
ktl delete pods --all --interactive`,
  usage: '([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  defaults: {
    cascade: stringDefault('background'),
    'dry-run': stringDefault('none'),
    'grace-period': plainDefault(-1),
    wait: plainDefault(true),
  },
};

/** `ktl delete`: delete resources by file names, stdin, resources and names, or selectors. */
export function newDeleteCommand(context: CommandContext): Command {
  return withHelp(
    new Command('delete')
      .description(
        'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
      )
      .argument('[args...]', 'TYPE [NAME ...] | TYPE/NAME ...')
      .option('-f, --filename <file>', 'containing the resource to delete.', collect)
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
      .option(
        '-k, --kustomize <dir>',
        "Process a kustomization directory. This flag can't be used together with -f or -R.",
      )
      .option('-l, --selector <selector>', 'Selector (label query) to filter on.')
      .option('--field-selector <selector>', 'Selector (field query) to filter on.')
      .option('--all', 'Delete all resources, in the namespace of the specified resource types.')
      .option(
        '-A, --all-namespaces',
        'If present, list the requested object(s) across all namespaces.',
      )
      .option('--cascade [strategy]', 'Must be "background", "orphan", or "foreground".')
      .option(
        '--grace-period <seconds>',
        'Period of time in seconds given to the resource to terminate gracefully.',
        '-1',
      )
      .option(
        '--force',
        'If true, immediately remove resources from API and bypass graceful deletion.',
      )
      .option(
        '--now',
        'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
      )
      .option('--wait [bool]', 'If true, wait for resources to be gone before returning.')
      .option(
        '--timeout <duration>',
        'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
        '0s',
      )
      .option('--ignore-not-found', 'Treat "resource not found" as a successful delete.')
      .option('-i, --interactive', 'If true, delete resource only when user confirms.')
      .option(
        '--raw <path>',
        'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.',
      )
      .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
      .option(
        '-o, --output <format>',
        'Output mode. Use "-o name" for shorter output (resource/name).',
      )
      .action(async (args: string[], flags: DeleteFlags, command: Command) => {
        const factory = factoryFor(context, command);
        const options = toOptions(args, flags, context);
        if (flags.raw !== undefined && flags.raw !== '') {
          const { runRawDelete } = await import('./raw-delete.js');
          await runRawDelete(factory, flags.raw, flags);
          return;
        }
        const { runDelete } = await import('./run-delete.js');
        await runDelete(factory, options);
      }),
    HELP,
  );
}

function toOptions(args: string[], flags: DeleteFlags, context: CommandContext): DeleteOptions {
  const cascade = cascadeFromFlag(flags.cascade);
  let gracePeriod = Number(flags.gracePeriod ?? '-1');
  if (flags.now) gracePeriod = 1;
  if (flags.force && gracePeriod < 0) gracePeriod = 0;
  if (!flags.force && gracePeriod === 0) gracePeriod = 1;
  const output = flags.output ?? '';
  if (output !== '' && output !== 'name')
    throw new PlainError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const selecting = Boolean(flags.selector || flags.fieldSelector || flags.all);
  return {
    args,
    filename: flags.filename ?? [],
    ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
    recursive: flags.recursive === true,
    selector: flags.selector ?? '',
    fieldSelector: flags.fieldSelector ?? '',
    all: flags.all === true,
    allNamespaces: flags.allNamespaces === true,
    cascade,
    gracePeriod,
    force: flags.force === true,
    wait: !(flags.wait === false || flags.wait === 'false'),
    timeoutMs: parseGoDuration(flags.timeout ?? '0s') ?? 0,
    ignoreNotFound: flags.ignoreNotFound === true || selecting,
    dryRun: dryRunStrategy(flags.dryRun, (text) => context.streams.err.write(text)),
    output,
    interactive: flags.interactive === true,
  };
}

import { Command } from 'commander';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { WaitFlags } from './run-wait.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl wait` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
  example: `# Wait for the pod "busybox1" to contain the status condition of type "Ready"
ktl wait --for=condition=Ready pod/busybox1

# The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
ktl wait --for=condition=Ready=false pod/busybox1

# Wait for the pod "busybox1" to contain the status phase to be "Running"
ktl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

# Wait for pod "busybox1" to be Ready
ktl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1

# Wait for the service "loadbalancer" to have ingress
ktl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

# Wait for the secret "busybox1" to be created, with a timeout of 30s
ktl create secret generic busybox1
ktl wait --for=create secret/busybox1 --timeout=30s

# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
ktl delete pod/busybox1
ktl wait --for=delete pod/busybox1 --timeout=60s`,
  usage:
    "([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
};

/** `ktl wait`: wait for a specific condition on one or many resources. */
export function newWaitCommand(context: CommandContext): Command {
  const command = new Command('wait')
    .description('Experimental: Wait for a specific condition on one or many resources.')
    .argument(
      '[args...]',
      '([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)])',
    )
    .option(
      '--for <condition>',
      "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].",
      '',
    )
    .option(
      '--timeout <duration>',
      "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.",
      '30s',
    )
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option(
      '-A, --all-namespaces',
      'If present, list the requested object(s) across all namespaces.',
    )
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--field-selector <selector>',
      "Selector (field query) to filter on, supports '=', '==', and '!='.",
    )
    .option('--local', 'If true, annotation will NOT contact api-server but run locally.');
  return withHelp(
    addFilenameFlags(addPrintFlags(command), 'wait on', true).action(
      async (args: string[], flags: WaitFlags, cmd: Command) => {
        const { runWait } = await import('./run-wait.js');
        await runWait(factoryFor(context, cmd), args, flags);
      },
    ),
    HELP,
  );
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, stringDefault, withHelp } from '../../runtime/command-help.js';
import { addKustomizeFlag } from '../../runtime/filename-flags.js';
import { collect } from '../../runtime/flag-values.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { ReplaceFlags } from './run-replace.js';

/** kubectl's help for `ktl replace` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ ktl get TYPE NAME -o yaml`,
  example: `# Replace a pod using the data in pod.json
ktl replace -f ./pod.json

# Replace a pod based on the JSON passed into stdin
cat pod.json | ktl replace -f -

# Update a single-container pod's image version (tag) to v4
ktl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | ktl replace -f -

# Force replace, delete and then re-create the resource
ktl replace --force -f ./pod.json`,
  usage: '-f FILENAME',
  defaults: {
    cascade: stringDefault('background'),
    'grace-period': plainDefault(-1),
    timeout: plainDefault('0s'),
    wait: plainDefault(false),
  },
};

/** `ktl replace`: PUT each object of the manifests over the live one. */
export function newReplaceCommand(context: CommandContext): Command {
  const command = new Command('replace')
    .description('Replace a resource by file name or stdin.')
    .option(
      '-f, --filename <file>',
      'The files that contain the configurations to replace.',
      collect,
    );
  addKustomizeFlag(command, 'a')
    .option(
      '-R, --recursive',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    )
    .option(
      '--raw <path>',
      'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.',
    )
    .option(
      '--subresource <name>',
      'If specified, replace will operate on the subresource of the requested object.',
    );
  addMutationFlags(addPrintFlags(command), 'kubectl-replace');
  addForceFlags(command);
  return withHelp(
    command.action(async (flags: ReplaceFlags, cmd: Command) => {
      const { runReplace } = await import('./run-replace.js');
      await runReplace(factoryFor(context, cmd), flags);
    }),
    HELP,
  );
}

/** The delete flags replace takes for --force (kubectl's DeleteFlags, replace's wording). */
function addForceFlags(command: Command): Command {
  return command
    .option(
      '--cascade [strategy]',
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    )
    .option(
      '--force',
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    )
    .option(
      '--grace-period <seconds>',
      'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
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

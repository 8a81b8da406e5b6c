import { Command } from 'commander';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import type { PatchFlags } from './run-patch.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl patch` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: `# Partially update a node using a strategic merge patch, specifying the patch as JSON
ktl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

# Partially update a node using a strategic merge patch, specifying the patch as YAML
ktl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
ktl patch -f node.json -p '{"spec":{"unschedulable":true}}'

# Update a container's image; spec.containers[*].name is required because it's a merge key
ktl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

# Update a container's image using a JSON patch with positional arrays
ktl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

# Update a deployment's replicas through the 'scale' subresource using a merge patch
ktl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  usage: '(-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
};

/** `ktl patch`: update fields of a resource with a strategic merge, JSON merge or JSON patch. */
export function newPatchCommand(context: CommandContext): Command {
  const command = new Command('patch')
    .description(
      'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.',
    )
    .argument('[args...]', '(-f FILENAME | TYPE NAME | TYPE/NAME)')
    .option('-p, --patch <patch>', 'The patch to be applied to the resource JSON file.')
    .option('--patch-file <file>', 'A file containing a patch to be applied to the resource.')
    .option(
      '--type <type>',
      'The type of patch being provided; one of [json merge strategic]',
      'strategic',
    )
    .option(
      '--subresource <name>',
      "If specified, patch will operate on the subresource of the requested object. Supports 'status' and 'scale'.",
    );
  addFilenameFlags(addPrintFlags(command), 'update').option(
    '--local',
    'If true, patch will operate on the content of the file, not the server-side resource.',
  );
  return withHelp(
    addMutationFlags(command, 'kubectl-patch', false).action(
      async (args: string[], flags: PatchFlags, cmd: Command) => {
        const { runPatch } = await import('./run-patch.js');
        await runPatch(factoryFor(context, cmd), args, flags);
      },
    ),
    HELP,
  );
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addKeyUpdateFlags } from './key-update-flags.js';
import type { LabelFlags } from './run-label.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl annotate` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "ktl api-resources" for a complete list of supported resources.`,
  example: `# Update pod 'foo' with the annotation 'description' and the value 'my frontend'
# If the same annotation is set multiple times, only the last value will be applied
ktl annotate pods foo description='my frontend'

# Update a pod identified by type and name in "pod.json"
ktl annotate -f pod.json description='my frontend'

# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
ktl annotate --overwrite pods foo description='my frontend running nginx'

# Update all pods in the namespace
ktl annotate pods --all description='my frontend running nginx'

# Update pod 'foo' only if the resource is unchanged from version 1
ktl annotate pods foo description='my frontend running nginx' --resource-version=1

# Update pod 'foo' by removing an annotation named 'description' if it exists
# Does not require the --overwrite flag
ktl annotate pods foo description-`,
  usage:
    '[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
};

/** `ktl annotate`: update the annotations on a resource. */
export function newAnnotateCommand(context: CommandContext): Command {
  const command = new Command('annotate')
    .description('Update the annotations on a resource.')
    .argument('[args...]', 'TYPE NAME | TYPE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N');
  return withHelp(
    addKeyUpdateFlags(command, 'annotation').action(
      async (args: string[], flags: LabelFlags, cmd: Command) => {
        const { runLabel } = await import('./run-label.js');
        await runLabel(factoryFor(context, cmd), 'annotation', args, flags);
      },
    ),
    HELP,
  );
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addKeyUpdateFlags } from './key-update-flags.js';
import type { LabelFlags } from './run-label.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl label` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: `# Update pod 'foo' with the label 'unhealthy' and the value 'true'
ktl label pods foo unhealthy=true

# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
ktl label --overwrite pods foo status=unhealthy

# Update all pods in the namespace
ktl label pods --all status=unhealthy

# Update a pod identified by the type and name in "pod.json"
ktl label -f pod.json status=unhealthy

# Update pod 'foo' only if the resource is unchanged from version 1
ktl label pods foo status=unhealthy --resource-version=1

# Update pod 'foo' by removing a label named 'bar' if it exists
# Does not require the --overwrite flag
ktl label pods foo bar-`,
  usage:
    '[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
};

/** `ktl label`: update the labels on a resource. */
export function newLabelCommand(context: CommandContext): Command {
  const command = new Command('label')
    .description('Update the labels on a resource.')
    .argument('[args...]', 'TYPE NAME | TYPE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N');
  return withHelp(
    addKeyUpdateFlags(command, 'label').action(
      async (args: string[], flags: LabelFlags, cmd: Command) => {
        const { runLabel } = await import('./run-label.js');
        await runLabel(factoryFor(context, cmd), 'label', args, flags);
      },
    ),
    HELP,
  );
}

import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { dryRunOption } from '../../runtime/mutation-flags.js';
import type { SetFlags } from './set-run.js';

const SELECTOR =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.";

const HELP: CommandHelp = {
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  usage: 'SUBCOMMAND',
};

const IMAGE_HELP: CommandHelp = {
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
ktl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
ktl set image deployments,rc nginx=nginx:1.9.1 --all

# Update image of all containers of daemonset abc to 'nginx:1.9.1'
ktl set image daemonset abc *=nginx:1.9.1

# Print result (in yaml format) of updating nginx container image from local file, without hitting the server
ktl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  usage:
    '(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
};

/** The flags every set subcommand has: resource selection, --local, printing, dry run. */
function addSetFlags(command: Command, name: string, selector = true): Command {
  addFilenameFlags(addPrintFlags(command), 'get from a server.');
  command
    .option('--all', 'Select all resources, in the namespace of the specified resource types')
    .option('--local', `If true, set ${name} will NOT contact api-server but run locally.`)
    .addOption(dryRunOption())
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      'kubectl-set',
    );
  if (selector) command.option('-l, --selector <selector>', SELECTOR);
  return command;
}

function imageCommand(context: CommandContext): Command {
  const command = new Command('image')
    .description('Update the image of a pod template')
    .argument('[args...]');
  return addSetFlags(command, 'image').action(
    async (args: string[], flags: SetFlags, cmd: Command) => {
      const { runSetImage } = await import('./run-image.js');
      await runSetImage(factoryFor(context, cmd), args, flags);
    },
  );
}

/** `ktl set`: change existing workloads and bindings (kubectl's set commands). */
export function newSetCommand(context: CommandContext): Command {
  const set = new Command('set')
    .description('Set specific features on objects')
    .addCommand(imageCommand(context));
  asCommandGroup(set, context.streams, 'stderr');
  const help: SubcommandHelp = [[['image'], IMAGE_HELP]];
  return withGroupHelp(set, HELP, help);
}

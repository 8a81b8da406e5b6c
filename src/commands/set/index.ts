import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { dryRunOption } from '../../runtime/mutation-flags.js';
import type { ResourcesFlags } from './run-resources.js';
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

const SERVICE_ACCOUNT_HELP: CommandHelp = {
  long: `Update the service account of pod template resources.

 Possible resources (case insensitive) can be:

 replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset`,
  example: `# Set deployment nginx-deployment's service account to serviceaccount1
ktl set serviceaccount deployment nginx-deployment serviceaccount1

# Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server
ktl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml`,
  usage: '(-f FILENAME | TYPE NAME) SERVICE_ACCOUNT',
};

const RESOURCES_HELP: CommandHelp = {
  long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "ktl api-resources" for a complete list of supported resources..`,
  example: `# Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
ktl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi

# Set the resource request and limits for all containers in nginx
ktl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi

# Remove the resource requests for resources on containers in nginx
ktl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0

# Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
ktl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
  usage: '(-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]',
};

const REQUIREMENTS =
  "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.";

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

function serviceAccountCommand(context: CommandContext): Command {
  const command = new Command('serviceaccount')
    .alias('sa')
    .description('Update the service account of a resource')
    .argument('[args...]');
  // kubectl's set serviceaccount has no --selector
  return addSetFlags(command, 'serviceaccount', false).action(
    async (args: string[], flags: SetFlags, cmd: Command) => {
      const { runSetServiceAccount } = await import('./run-serviceaccount.js');
      await runSetServiceAccount(factoryFor(context, cmd), args, flags);
    },
  );
}

function resourcesCommand(context: CommandContext): Command {
  const command = new Command('resources')
    .description('Update resource requests/limits on objects with pod templates')
    .argument('[args...]')
    .option(
      '-c, --containers <names>',
      'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards',
      '*',
    )
    .option('--limits <list>', REQUIREMENTS)
    .option('--requests <list>', REQUIREMENTS);
  return addSetFlags(command, 'resources').action(
    async (args: string[], flags: ResourcesFlags, cmd: Command) => {
      const { runSetResources } = await import('./run-resources.js');
      await runSetResources(factoryFor(context, cmd), args, flags);
    },
  );
}

/** `ktl set`: change existing workloads and bindings (kubectl's set commands). */
export function newSetCommand(context: CommandContext): Command {
  const set = new Command('set')
    .description('Set specific features on objects')
    .addCommand(imageCommand(context))
    .addCommand(resourcesCommand(context))
    .addCommand(serviceAccountCommand(context));
  asCommandGroup(set, context.streams, 'stderr');
  const help: SubcommandHelp = [
    [['image'], IMAGE_HELP],
    [['resources'], RESOURCES_HELP],
    [['serviceaccount'], SERVICE_ACCOUNT_HELP],
  ];
  return withGroupHelp(set, HELP, help);
}

import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { rawFlagValues } from '../../runtime/command-args.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { dryRunOption } from '../../runtime/mutation-flags.js';
import type { EnvFlags } from './run-env.js';
import type { ResourcesFlags } from './run-resources.js';
import { collect, collectList } from '../../runtime/flag-values.js';
import type { SetFlags } from './set-run.js';
import type { SubjectFlags } from './run-subject.js';
import type { SelectorFlags } from './run-selector.js';
import { boolFlag } from '../../runtime/flag-values.js';

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

const ENV_HELP: CommandHelp = {
  long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `# Update deployment 'registry' with a new environment variable
ktl set env deployment/registry STORAGE_DIR=/local

# List the environment variables defined on a deployments 'sample-build'
ktl set env deployment/sample-build --list

# List the environment variables defined on all pods
ktl set env pods --all --list

# Output modified deployment in YAML, and does not alter the object on the server
ktl set env deployment/sample-build STORAGE_DIR=/data -o yaml

# Update all containers in all replication controllers in the project to have ENV=prod
ktl set env rc --all ENV=prod

# Import environment from a secret
ktl set env --from=secret/mysecret deployment/myapp

# Import environment from a config map with a prefix
ktl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp

# Import specific keys from a config map
ktl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp

# Remove the environment variable ENV from container 'c1' in all deployment configs
ktl set env deployments --all --containers="c1" ENV-

# Remove the environment variable ENV from a deployment definition on disk and
# update the deployment config on the server
ktl set env -f deploy.json ENV-

# Set some of the local shell environment into a deployment config on the server
env | grep RAILS_ | ktl set env -e - deployment/registry`,
  usage: 'RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
};

const FILENAME =
  'Filename, directory, or URL to files identifying the resource to get from a server.';
const ALL = 'Select all resources, in the namespace of the specified resource types';

/** The flags every set subcommand has: resource selection, --local, printing, dry run. */
function addSetFlags(
  command: Command,
  name: string,
  selector = true,
  texts = { filename: FILENAME, all: ALL },
): Command {
  addFilenameFlags(addPrintFlags(command), '');
  const filename = command.options.find((option) => option.long === '--filename');
  if (filename) filename.description = texts.filename;
  command
    .option('--all', texts.all)
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

function envCommand(context: CommandContext): Command {
  const command = new Command('env')
    .description('Update environment variables on a pod template')
    .argument('[args...]')
    .option(
      '-c, --containers <names>',
      'The names of containers in the selected pod templates to change - may use wildcards',
      '*',
    )
    .option(
      '-e, --env <key=value>',
      'Specify a key-value pair for an environment variable to set into each container.',
      collect,
    )
    .option(
      '--from <resource>',
      'The name of a resource from which to inject environment variables',
    )
    .option(
      '--keys <keys>',
      'Comma-separated list of keys to import from specified resource',
      collectList,
    )
    .option(
      '--list',
      'If true, display the environment and any changes in the standard format. this flag will removed when we have ktl view env.',
    )
    .option(
      '--overwrite [bool]',
      'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
      true,
    )
    .option('--prefix <prefix>', 'Prefix to append to variable names')
    .option('--resolve', 'If true, show secret or configmap references when listing variables');
  // set env words -f and --all its own way
  const texts = {
    filename: 'Filename, directory, or URL to files the resource to update the env',
    all: 'If true, select all resources in the namespace of the specified resource types',
  };
  return addSetFlags(command, 'env', true, texts).action(
    async (args: string[], flags: EnvFlags, cmd: Command) => {
      const { runSetEnv } = await import('./run-env.js');
      await runSetEnv(factoryFor(context, cmd), args, flags);
    },
  );
}

const SUBJECT_HELP: CommandHelp = {
  long: 'Update the user, group, or service account in a role binding or cluster role binding.',
  example: `# Update a cluster role binding for serviceaccount1
ktl set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1

# Update a role binding for user1, user2, and group1
ktl set subject rolebinding admin --user=user1 --user=user2 --group=group1

# Print the result (in YAML format) of updating rolebinding subjects from a local, without hitting the server
ktl create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | ktl set subject --local -f - --user=foo -o yaml`,
  usage:
    '(-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
};

const SELECTOR_HELP: CommandHelp = {
  long: `Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.

 A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.`,
  example: `# Set the labels and selector before creating a deployment/service pair
ktl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | ktl set selector --local -f - 'environment=qa' -o yaml | ktl create -f -
ktl create deployment my-dep -o yaml --dry-run=client | ktl label --local -f - environment=qa -o yaml | ktl create -f -`,
  usage: '(-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]',
};

/** set selector's flags: kubectl's own set (no -l, no -k, -R on by default). */
function selectorCommand(context: CommandContext): Command {
  const command = addPrintFlags(
    new Command('selector').description('Set the selector on a resource').argument('[args...]'),
  )
    .option('-f, --filename <file>', 'identifying the resource.', collect)
    .option(
      '-R, --recursive [bool]',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
      true,
    )
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option('--local', 'If true, annotation will NOT contact api-server but run locally.')
    .addOption(dryRunOption())
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      'kubectl-set',
    )
    .option(
      '--resource-version <version>',
      'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    );
  return command.action(async (args: string[], flags: SelectorFlags, cmd: Command) => {
    const { runSetSelector } = await import('./run-selector.js');
    const recursive = boolFlag('--recursive', flags.recursive ?? true);
    await runSetSelector(factoryFor(context, cmd), args, { ...flags, recursive });
  });
}

function subjectCommand(context: CommandContext): Command {
  const command = new Command('subject')
    .description(
      'Update the user, group, or service account in a role binding or cluster role binding',
    )
    .argument('[args...]')
    .option('--user <name>', 'Usernames to bind to the role', collect)
    .option('--group <name>', 'Groups to bind to the role', collect)
    .option(
      '--serviceaccount <namespace:name>',
      'Service accounts to bind to the role',
      collectList,
    );
  const texts = {
    filename: 'Filename, directory, or URL to files the resource to update the subjects',
    all: ALL,
  };
  return addSetFlags(command, 'subject', true, texts).action(
    async (args: string[], flags: SubjectFlags, cmd: Command) => {
      const { runSetSubject } = await import('./run-subject.js');
      // kubectl's own --user shadows the global one; ktl's root reads every --user, so the
      // values are taken from the command line and kept away from the client
      const user = rawFlagValues(cmd, '--user');
      await runSetSubject(factoryFor(context, cmd, ['user']), args, { ...flags, user });
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
    .addCommand(envCommand(context))
    .addCommand(imageCommand(context))
    .addCommand(resourcesCommand(context))
    .addCommand(selectorCommand(context))
    .addCommand(serviceAccountCommand(context))
    .addCommand(subjectCommand(context));
  asCommandGroup(set, context.streams, 'stderr');
  const help: SubcommandHelp = [
    [['env'], ENV_HELP],
    [['image'], IMAGE_HELP],
    [['resources'], RESOURCES_HELP],
    [['selector'], SELECTOR_HELP],
    [['serviceaccount'], SERVICE_ACCOUNT_HELP],
    [['subject'], SUBJECT_HELP],
  ];
  return withGroupHelp(set, HELP, help);
}

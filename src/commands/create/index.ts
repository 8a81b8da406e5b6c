import { Command, Option } from 'commander';
import { PlainError, UsageError } from '../../errors/errors.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf, factoryFor } from '../../runtime/command-context.js';
import { configCommands } from './defs-config.js';
import { miscCommands } from './defs-misc.js';
import { rbacCommands } from './defs-rbac.js';
import { serviceCommand } from './defs-service.js';
import { workloadCommands } from './defs-workloads.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withGroupHelp } from '../../runtime/command-help.js';
import { collect } from '../../runtime/flag-values.js';

const VALIDATE_HELP =
  'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.';

/** kubectl's help for `ktl create` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `# Create a pod using the data in pod.json
ktl create -f ./pod.json

# Create a pod based on the JSON passed into stdin
cat pod.json | ktl create -f -

# Edit the data in registry.yaml in JSON then create the resource using the edited data
ktl create -f registry.yaml --edit -o json`,
  usage: '-f FILENAME',
  selfParsedOptions: fileFlagOptions(),
};

/** The -f/-k flags `create` reads itself (parseCreateFileArgs), with kubectl's help texts. */
function fileFlagOptions(): Option[] {
  return [
    new Option(
      '--allow-missing-template-keys [bool]',
      'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
    ).default(true),
    new Option(
      '--dry-run [strategy]',
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    ).default('none'),
    new Option('--edit', 'Edit the API resource before creating'),
    new Option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
    ).default('kubectl-create'),
    new Option(
      '-f, --filename <file>',
      'Filename, directory, or URL to files to use to create the resource',
    ).argParser(collect),
    new Option(
      '-k, --kustomize <dir>',
      "Process the kustomization directory. This flag can't be used together with -f or -R.",
    ).default(''),
    new Option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    ).default(''),
    new Option(
      '--raw <uri>',
      'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
    ).default(''),
    new Option(
      '-R, --recursive',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    ),
    new Option(
      '--save-config',
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    ),
    new Option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    ).default(''),
    new Option(
      '--show-managed-fields',
      'If true, keep the managedFields when printing objects in JSON or YAML format.',
    ),
    new Option(
      '--template <template>',
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
    ).default(''),
    new Option('--validate [mode]', VALIDATE_HELP).default('strict'),
    new Option(
      '--windows-line-endings',
      'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
    ),
  ];
}

/** kubectl's help for `ktl create deployment` (examples use only flags ktl has). */
const DEPLOYMENT_HELP: CommandHelp = {
  defaults: { port: plainDefault(-1), replicas: plainDefault(1) },
  long: `Create a deployment with the specified name.`,
  example: `# Create a deployment named my-dep that runs the busybox image
ktl create deployment my-dep --image=busybox

# Create a deployment with a command
ktl create deployment my-dep --image=busybox -- date

# Create a deployment named my-dep that runs the nginx image with 3 replicas
ktl create deployment my-dep --image=nginx --replicas=3

# Create a deployment named my-dep that runs the busybox image and expose port 5701
ktl create deployment my-dep --image=busybox --port=5701

# Create a deployment named my-dep that runs multiple containers
ktl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
  usage: 'NAME --image=image -- [COMMAND] [args...]',
};

/** kubectl's help for `ktl create configmap` (examples use only flags ktl has). */
const CONFIGMAP_HELP: CommandHelp = {
  long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs.

 When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

 When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `# Create a new config map named my-config based on folder bar
ktl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config with specified keys instead of file basenames on disk
ktl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

# Create a new config map named my-config with key1=config1 and key2=config2
ktl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

# Create a new config map named my-config from the key=value pairs in the file
ktl create configmap my-config --from-file=path/to/bar

# Create a new config map named my-config from an env file
ktl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  usage:
    'NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
};

/** kubectl's help for `ktl create secret generic` (examples use only flags ktl has). */
const SECRET_GENERIC_HELP: CommandHelp = {
  long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `# Create a new secret named my-secret with keys for each file in folder bar
ktl create secret generic my-secret --from-file=path/to/bar

# Create a new secret named my-secret with specified keys instead of names on disk
ktl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub

# Create a new secret named my-secret with key1=supersecret and key2=topsecret
ktl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

# Create a new secret named my-secret using a combination of a file and a literal
ktl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret

# Create a new secret named my-secret from env files
ktl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  usage:
    'NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
};

/** The help of each subcommand, by its path under `ktl create`. */
const SUBCOMMAND_HELP: SubcommandHelp = [
  [['deployment'], DEPLOYMENT_HELP],
  [['configmap'], CONFIGMAP_HELP],
  [['secret', 'generic'], SECRET_GENERIC_HELP],
];

/**
 * `ktl create <kind>`: build an object from flags with a generator and create it.
 * (`create -f` is added by the manifest reader; this command is structured to take it.)
 */
export function newCreateCommand(context: CommandContext): Command {
  const create = new Command('create')
    .description('Create a resource from a file or from stdin.')
    .argument('[args...]')
    .allowUnknownOption()
    .action(async (args: string[], _opts: object, command: Command) => {
      // create's own flags are read here, not declared on the command: declared on the parent,
      // commander would take -o or --dry-run away from the subcommands that also have them.
      const raw = command.args;
      const fileFlag = (a: string): boolean =>
        /^(-f|-k|--filename|--kustomize)(=|$)/.test(a) || /^-[fk]./.test(a);
      if (!raw.some(fileFlag)) {
        if (args.length > 0)
          throw new UsageError(`Unexpected args: [${args.join(' ')}]`, commandPathOf(command));
        throw new PlainError('must specify one of -f and -k');
      }
      const { parseCreateFileArgs, runCreateFromFiles } = await import('./run-from-files.js');
      await runCreateFromFiles(factoryFor(context, command), parseCreateFileArgs(raw));
    });
  const subcommands = [
    ...configCommands(context),
    ...miscCommands(context),
    ...rbacCommands(context),
    serviceCommand(context),
    ...workloadCommands(context),
  ].sort((a, b) => a.name().localeCompare(b.name()));
  for (const sub of subcommands) create.addCommand(sub);
  return withGroupHelp(create, HELP, SUBCOMMAND_HELP);
}

import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import { collect, collectList } from '../../runtime/flag-values.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { Factory } from '../../runtime/factory.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';

type Runner = (
  factory: Factory,
  args: string[],
  opts: Record<string, unknown>,
  command: Command,
) => Promise<void>;

/** kubectl's help for `ktl config` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Modify kubeconfig files using subcommands like "ktl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  usage: 'SUBCOMMAND',
};

/** kubectl's help for `ktl config use-context` (examples use only flags ktl has). */
const USE_CONTEXT_HELP: CommandHelp = {
  long: `Set the current-context in a kubeconfig file.`,
  example: `# Use the context for the minikube cluster
ktl config use-context minikube`,
  usage: 'CONTEXT_NAME',
};

/** kubectl's help for `ktl config set-context` (examples use only flags ktl has). */
const SET_CONTEXT_HELP: CommandHelp = {
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `# Set the user field on the gce context entry without touching other values
ktl config set-context gce --user=cluster-admin`,
  usage:
    '[NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
};

/** kubectl's help for `ktl config get-contexts` (examples use only flags ktl has). */
const GET_CONTEXTS_HELP: CommandHelp = {
  long: `Display one or many contexts from the kubeconfig file.`,
  example: `# List all the contexts in your kubeconfig file
ktl config get-contexts

# Describe one context in your kubeconfig file
ktl config get-contexts my-context`,
  usage: '[(-o|--output=)name)]',
};

/** kubectl's help for `ktl config view` (examples use only flags ktl has). */
const VIEW_HELP: CommandHelp = {
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `# Show merged kubeconfig settings
ktl config view

# Show merged kubeconfig settings, raw certificate data, and exposed secrets
ktl config view --raw

# Get the password for the e2e user
ktl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  usage: '[flags]',
};

/** The help of each subcommand, by its path under `ktl config`. */
const SUBCOMMAND_HELP: SubcommandHelp = [
  [['use-context'], USE_CONTEXT_HELP],
  [['set-context'], SET_CONTEXT_HELP],
  [['get-contexts'], GET_CONTEXTS_HELP],
  [['view'], VIEW_HELP],
];

/** A `config` subcommand whose work is loaded only when it runs. */
function sub(
  context: CommandContext,
  name: string,
  description: string,
  load: () => Promise<Runner>,
): Command {
  return new Command(name)
    .description(description)
    .argument('[args...]')
    .action(async (args: string[], opts: Record<string, unknown>, command: Command) => {
      const run = await load();
      await run(
        factoryFor(context, command),
        args,
        { ...command.optsWithGlobals(), ...opts },
        command,
      );
    });
}

/**
 * set-credentials' own flags. kubectl declares the token, basic auth and client certificate
 * flags again on the command (shadowing the global ones), so its help lists them.
 */
function addCredentialFlags(command: Command): Command {
  return command
    .option(
      '--client-certificate <path>',
      'Path to client-certificate file for the user entry in kubeconfig',
    )
    .option('--client-key <path>', 'Path to client-key file for the user entry in kubeconfig')
    .option('--token <token>', 'token for the user entry in kubeconfig')
    .option('--username <name>', 'username for the user entry in kubeconfig')
    .option('--password <password>', 'password for the user entry in kubeconfig')
    .option('--embed-certs', 'Embed client cert/key for the user entry in kubeconfig')
    .option('--auth-provider <name>', 'Auth provider for the user entry in kubeconfig')
    .option(
      '--auth-provider-arg <key=value>',
      "'key=value' arguments for the auth provider",
      collectList,
    )
    .option(
      '--exec-command <command>',
      'Command for the exec credential plugin for the user entry in kubeconfig',
    )
    .option(
      '--exec-api-version <version>',
      'API version of the exec credential plugin for the user entry in kubeconfig',
    )
    .option(
      '--exec-arg <arg>',
      'New arguments for the exec credential plugin command for the user entry in kubeconfig',
      collectList,
    )
    .option(
      '--exec-env <key=value>',
      "'key=value' environment values for the exec credential plugin",
      collect,
    )
    .option(
      '--exec-interactive-mode <mode>',
      'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig',
    )
    .option(
      '--exec-provide-cluster-info [bool]',
      'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig',
    );
}

/** `ktl config`: view and edit kubeconfig files, as `kubectl config` does; never uses the network. */
export function newConfigCommand(context: CommandContext): Command {
  const contexts = () => import('./run-contexts.js');
  const edits = () => import('./run-edit.js');
  const sets = () => import('./run-set.js');
  const config = new Command('config').description(
    'Modify kubeconfig files using subcommands like "ktl config set current-context my-context".',
  );
  const view = sub(
    context,
    'view',
    'Display merged kubeconfig settings or a specified kubeconfig file.',
    () => import('./run-view.js').then((m) => m.runView),
  )
    .option('--raw', 'Display raw byte data and sensitive data')
    .option('--minify', 'Remove all information not used by current-context from the output')
    .option(
      '--flatten',
      'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)',
    )
    .option('--merge [bool]', 'Merge the full hierarchy of kubeconfig files', 'true');
  config.addCommand(addPrintFlags(view, 'yaml'));
  config.addCommand(
    sub(context, 'current-context', 'Display the current-context.', () =>
      contexts().then((m) => m.runCurrentContext),
    ),
  );
  config.addCommand(
    sub(context, 'get-contexts', 'Describe one or many contexts.', () =>
      contexts().then((m) => m.runGetContexts),
    )
      .option('--no-headers', "When using the default output format, don't print headers.")
      .option('-o, --output <format>', 'Output format. One of: (name).'),
  );
  config.addCommand(
    sub(context, 'get-clusters', 'Display clusters defined in the kubeconfig.', () =>
      contexts().then((m) => m.runGetClusters),
    ),
  );
  config.addCommand(
    sub(context, 'get-users', 'Display users defined in the kubeconfig.', () =>
      contexts().then((m) => m.runGetUsers),
    ),
  );
  config.addCommand(
    sub(context, 'use-context', 'Set the current-context in a kubeconfig file.', () =>
      edits().then((m) => m.runUseContext),
    ).alias('use'),
  );
  config.addCommand(
    sub(context, 'set-context', 'Set a context entry in kubeconfig.', () =>
      edits().then((m) => m.runSetContext),
    )
      .option('--current', 'Modify the current context')
      .option('--cluster <name>', 'cluster for the context entry in kubeconfig')
      .option('--user <name>', 'user for the context entry in kubeconfig')
      .option('--namespace <namespace>', 'namespace for the context entry in kubeconfig'),
  );
  config.addCommand(
    sub(context, 'delete-context', 'Delete the specified context from the kubeconfig.', () =>
      edits().then((m) => m.runDeleteContext),
    ),
  );
  config.addCommand(
    sub(context, 'rename-context', 'Rename a context from the kubeconfig file.', () =>
      edits().then((m) => m.runRenameContext),
    ),
  );
  config.addCommand(
    sub(context, 'delete-cluster', 'Delete the specified cluster from the kubeconfig.', () =>
      edits().then((m) => m.runDeleteCluster),
    ),
  );
  config.addCommand(
    sub(context, 'delete-user', 'Delete the specified user from the kubeconfig.', () =>
      edits().then((m) => m.runDeleteUser),
    ),
  );
  config.addCommand(
    sub(context, 'set-cluster', 'Set a cluster entry in kubeconfig.', () =>
      sets().then((m) => m.runSetCluster),
    )
      .option('--embed-certs', 'embed-certs for the cluster entry in kubeconfig')
      .option('--proxy-url <url>', 'proxy-url for the cluster entry in kubeconfig')
      .option('--server <url>', 'server for the cluster entry in kubeconfig')
      .option(
        '--certificate-authority <path>',
        'Path to certificate-authority file for the cluster entry in kubeconfig',
      )
      .option(
        '--insecure-skip-tls-verify',
        'insecure-skip-tls-verify for the cluster entry in kubeconfig',
      )
      .option('--tls-server-name <name>', 'tls-server-name for the cluster entry in kubeconfig'),
  );
  config.addCommand(
    addCredentialFlags(
      sub(context, 'set-credentials', 'Set a user entry in kubeconfig.', () =>
        sets().then((m) => m.runSetCredentials),
      ),
    ),
  );
  config.addCommand(
    sub(context, 'set', 'Set an individual value in a kubeconfig file.', () =>
      sets().then((m) => m.runSetProperty),
    ).option(
      '--set-raw-bytes [bool]',
      'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.',
    ),
  );
  config.addCommand(
    sub(context, 'unset', 'Unset an individual value in a kubeconfig file.', () =>
      sets().then((m) => m.runUnsetProperty),
    ),
  );
  asCommandGroup(config, context.streams, 'stderr');
  return withGroupHelp(config, HELP, SUBCOMMAND_HELP);
}

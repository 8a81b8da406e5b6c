import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import type { Factory } from '../factory.js';

type Runner = (factory: Factory, args: string[], opts: Record<string, unknown>) => Promise<void>;

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
      await run(factoryFor(context, command), args, { ...command.optsWithGlobals(), ...opts });
    });
}

/** `ktl config`: view and edit kubeconfig files, as `kubectl config` does; never uses the network. */
export function newConfigCommand(context: CommandContext): Command {
  const contexts = () => import('./run-contexts.js');
  const edits = () => import('./run-edit.js');
  const sets = () => import('./run-set.js');
  const config = new Command('config').description(
    'Modify kubeconfig files using subcommands like "ktl config set current-context my-context".',
  );
  config.addCommand(
    sub(context, 'view', 'Display merged kubeconfig settings or a specified kubeconfig file.', () =>
      import('./run-view.js').then((m) => m.runView),
    )
      .option('--raw', 'Display raw byte data and sensitive data')
      .option('--minify', 'Remove all information not used by current-context from the output')
      .option('--flatten', 'Flatten the resulting kubeconfig file into self-contained output')
      .option('--merge [bool]', 'Merge the full hierarchy of kubeconfig files', 'true')
      .option('-o, --output <format>', 'Output format. One of: (json, yaml).', 'yaml'),
  );
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
    ).option('--current', 'Modify the current context'),
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
      .option('--proxy-url <url>', 'proxy-url for the cluster entry in kubeconfig'),
  );
  config.addCommand(
    sub(context, 'set-credentials', 'Set a user entry in kubeconfig.', () =>
      sets().then((m) => m.runSetCredentials),
    ).option('--embed-certs', 'Embed client cert/key for the user entry in kubeconfig'),
  );
  config.addCommand(
    sub(context, 'set', 'Set an individual value in a kubeconfig file.', () =>
      sets().then((m) => m.runSetProperty),
    ),
  );
  config.addCommand(
    sub(context, 'unset', 'Unset an individual value in a kubeconfig file.', () =>
      sets().then((m) => m.runUnsetProperty),
    ),
  );
  return config;
}

import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';

const EXAMPLE = `# List all available plugins
ktl plugin list

# List only binary names of available plugins without paths
ktl plugin list --name-only`;

const HELP: CommandHelp = {
  long: `Provides utilities for interacting with plugins.

 Plugins provide extended functionality that is not part of the major command-line distribution. Please refer to the documentation and examples for more information about how write your own plugins.

 The easiest way to discover and install plugins is via the kubernetes sub-project krew: [krew.sigs.k8s.io]. To install krew, visit https://krew.sigs.k8s.io/docs/user-guide/setup/install

 ktl runs kubectl's plugins (kubectl-NAME on PATH) and its own (ktl-NAME, tried first).`,
  example: EXAMPLE,
  usage: '[flags]',
};

const LIST_HELP: CommandHelp = {
  long: `List all available plugin files on a user's PATH. To see plugins binary names without the full path use --name-only flag.

 Available plugin files are those that are: - executable - anywhere on the user's PATH - begin with "kubectl-" or "ktl-"`,
  example: EXAMPLE,
};

/** `ktl plugin`: kubectl's plugin utilities (plugins themselves are run by the cli layer). */
export function newPluginCommand(context: CommandContext): Command {
  const plugin = new Command('plugin').description(
    'Provides utilities for interacting with plugins',
  );
  asCommandGroup(plugin, context.streams, 'stderr');
  plugin.addCommand(
    new Command('list')
      .description("List all visible plugin executables on a user's PATH")
      .option(
        '--name-only',
        'If true, display only the binary name of each plugin, rather than its full path',
      )
      .action(async (flags: { nameOnly?: boolean }, command: Command) => {
        const { runPluginList } = await import('./run-list.js');
        runPluginList(command, flags.nameOnly === true, context.streams, context.env);
      }),
  );
  return withGroupHelp(plugin, HELP, [[['list'], LIST_HELP]] satisfies SubcommandHelp);
}

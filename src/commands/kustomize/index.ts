import { Command, Option } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import type { KustomizeFlags } from './run-kustomize.js';
import { collect } from '../../runtime/flag-values.js';

const HELP: CommandHelp = {
  long: `Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml', or a git repository URL with a path suffix specifying same with respect to the repository root. If DIR is omitted, '.' is assumed.`,
  example: `# Build the current working directory
ktl kustomize

# Build some shared configuration directory
ktl kustomize /home/config/production`,
  usage: 'DIR [flags]',
};

/** `ktl kustomize DIR`: kustomize build, as `kubectl kustomize` runs it. */
export function newKustomizeCommand(context: CommandContext): Command {
  return withHelp(
    new Command('kustomize')
      .description('Build a kustomization target from a directory or URL')
      .argument('[DIR]')
      .option('-o, --output <path>', 'If specified, write output to this path.')
      // Deprecated and hidden in kubectl too; sortOptions replaces it.
      .addOption(
        new Option('--reorder <order>', 'Reorder the resources just before output.').hideHelp(),
      )
      .option(
        '--load-restrictor <restrictor>',
        "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization.",
        'LoadRestrictionsRootOnly',
      )
      .option('--enable-alpha-plugins [bool]', 'enable kustomize plugins')
      .option('--enable-helm [bool]', 'Enable use of the Helm chart inflator generator.')
      .option('-e, --env <var>', 'a list of environment variables to be used by functions', collect)
      .option(
        '--as-current-user [bool]',
        'use the uid and gid of the command executor to run the function in the container',
      )
      .option('--helm-command <path>', 'helm command (path to executable)', 'helm')
      .option(
        '--helm-api-versions <versions>',
        'Kubernetes api versions used by Helm for Capabilities.APIVersions',
        collect,
      )
      .option(
        '--helm-kube-version <version>',
        'Kubernetes version used by Helm for Capabilities.KubeVersion',
      )
      .option('--helm-debug [bool]', 'Enable debug output from the Helm chart inflator generator.')
      .option('--mount <option>', 'a list of storage options read from the filesystem', collect)
      .option('--network [bool]', 'enable network access for functions that declare it')
      .option('--network-name <name>', 'the docker network to run the container in', 'bridge')
      .action(async (dir: string | undefined, opts: KustomizeFlags, command: Command) => {
        const { runKustomize } = await import('./run-kustomize.js');
        await runKustomize(context.streams, dir ?? '.', opts, commandPathOf(command));
      }),
    HELP,
  );
}

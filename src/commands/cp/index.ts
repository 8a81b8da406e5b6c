import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withHelp } from '../../runtime/command-help.js';
import type { CpFlags } from './run-cp.js';

/** kubectl's help for `ktl cp`. */
const HELP: CommandHelp = {
  long: 'Copy files and directories to and from containers.',
  example: `# !!!Important Note!!!
# Requires that the 'tar' binary is present in your container
# image.  If 'tar' is not present, 'ktl cp' will fail.
#
# For advanced use cases, such as symlinks, wildcard expansion or
# file mode preservation, consider using 'ktl exec'.

# Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
tar cf - /tmp/foo | ktl exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar

# Copy /tmp/foo from a remote pod to /tmp/bar locally
ktl exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar

# Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
ktl cp /tmp/foo_dir <some-pod>:/tmp/bar_dir

# Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
ktl cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>

# Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
ktl cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar

# Copy /tmp/foo from a remote pod to /tmp/bar locally
ktl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
  usage: '<file-spec-src> <file-spec-dest>',
  defaults: { retries: plainDefault(0) },
};

/** `ktl cp`: copy files and directories to and from containers (tar over exec). */
export function newCpCommand(context: CommandContext): Command {
  return withHelp(
    new Command('cp')
      .description('Copy files and directories to and from containers.')
      .argument('[args...]', '<file-spec-src> <file-spec-dest>')
      .option(
        '-c, --container <name>',
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
      )
      .option(
        '--no-preserve',
        "The copied file/directory's ownership and permissions will not be preserved in the container",
      )
      .option(
        '--retries <n>',
        'Set number of retries to complete a copy operation from a container. Specify 0 to disable or any negative value for infinite retrying. The default is 0 (no retry).',
      )
      .action(async (args: string[], flags: CpFlags, cmd: Command) => {
        const { runCp } = await import('./run-cp.js');
        await runCp(factoryFor(context, cmd), args, flags);
      }),
    HELP,
  );
}

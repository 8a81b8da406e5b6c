import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addStreamFlags } from '../../runtime/stream-flags.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import { collect } from '../../runtime/flag-values.js';

/** Options of `ktl exec`. */
import type { ExecOptions } from './run-exec.js';

export type { ExecOptions };

/** kubectl's help for `ktl exec` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Execute a command in a container.`,
  example: `# Get output from running the 'date' command from pod mypod, using the first container by default
ktl exec mypod -- date

# Get output from running the 'date' command in ruby-container from pod mypod
ktl exec mypod -c ruby-container -- date

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
ktl exec mypod -c ruby-container -i -t -- bash -il

# List contents of /usr from the first container of pod mypod and sort by modification time
# If the command you want to execute in the pod has any flags in common (e.g. -i),
# you must use two dashes (--) to separate your command's flags/arguments
# Also note, do not surround your command and its flags/arguments with quotes
# unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
ktl exec mypod -i -t -- ls -t /usr

# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
ktl exec deploy/mydeployment -- date

# Get output from running 'date' command from the first pod of the service myservice, using the first container by default
ktl exec svc/myservice -- date`,
  usage: '(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
};

/** `ktl exec`: run a command in a container. */
export function newExecCommand(context: CommandContext): Command {
  return withHelp(
    addStreamFlags(
      new Command('exec')
        .description('Execute a command in a container.')
        .usage('(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]')
        .argument('[args...]')
        .option('-f, --filename <file>', 'to use to exec into the resource', collect),
    ).action(async (args: string[], opts: ExecOptions, command: Command) => {
      const { runExec } = await import('./run-exec.js');
      await runExec(factoryFor(context, command), args, opts, argsLenAtDash(command, args));
    }),
    HELP,
  );
}

/**
 * Cobra's ArgsLenAtDash: how many positional arguments came before `--` (-1 without one).
 * Commander drops the `--`, so it is found in the root command's raw arguments.
 */
export function argsLenAtDash(command: Command, args: readonly string[]): number {
  let root: Command = command;
  while (root.parent) root = root.parent;
  const raw = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
  const dash = raw.indexOf('--');
  if (dash < 0) return -1;
  return Math.max(0, args.length - (raw.length - dash - 1));
}

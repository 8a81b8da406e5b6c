import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** Options of `ktl exec`. */
export interface ExecOptions {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
  podRunningTimeout: string;
}

/** `ktl exec`: run a command in a container. */
export function newExecCommand(context: CommandContext): Command {
  return new Command('exec')
    .description('Execute a command in a container.')
    .usage('(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]')
    .argument('[args...]')
    .option(
      '-c, --container <name>',
      'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
    )
    .option('-i, --stdin', 'Pass stdin to the container')
    .option('-t, --tty', 'Stdin is a TTY')
    .option('-q, --quiet', 'Only print output from the remote session')
    .option(
      '--pod-running-timeout <duration>',
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      '1m0s',
    )
    .action(async (args: string[], opts: ExecOptions, command: Command) => {
      const { runExec } = await import('./run-exec.js');
      await runExec(factoryFor(context, command), args, opts, argsLenAtDash(command, args));
    });
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

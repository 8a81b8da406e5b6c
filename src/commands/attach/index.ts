import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** Options of `ktl attach`. */
export interface AttachOptions {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
  podRunningTimeout: string;
}

/** `ktl attach`: attach to a process that is already running inside a container. */
export function newAttachCommand(context: CommandContext): Command {
  return new Command('attach')
    .description('Attach to a running container.')
    .usage('(POD | TYPE/NAME) -c CONTAINER')
    .argument('[target]')
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
    .action(async (target: string | undefined, opts: AttachOptions, command: Command) => {
      const { runAttach } = await import('./run-attach.js');
      await runAttach(factoryFor(context, command), target, opts);
    });
}

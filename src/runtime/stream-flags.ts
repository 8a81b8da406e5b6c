import type { Command } from 'commander';

/** The flags `ktl exec` and `ktl attach` share (kubectl's StreamOptions). */
export interface StreamOptions {
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
  podRunningTimeout: string;
}

/** Adds -c, -i, -t, -q and --pod-running-timeout as kubectl's exec and attach define them. */
export function addStreamFlags(command: Command): Command {
  return command
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
    );
}

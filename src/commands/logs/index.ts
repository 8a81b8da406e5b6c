import { Command, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** Flags of `ktl logs`, as commander hands them over. */
export interface LogsFlags {
  follow?: boolean;
  tail?: string;
  since?: string;
  sinceTime?: string;
  timestamps?: boolean;
  container?: string;
  allContainers?: boolean;
  allPods?: boolean;
  previous?: boolean;
  selector?: string;
  maxLogRequests: string;
  prefix?: boolean;
  limitBytes?: string;
  ignoreErrors?: boolean;
  podRunningTimeout: string;
  insecureSkipTlsVerifyBackend?: boolean;
}

/** `ktl logs`: print the logs for a container in a pod. */
export function newLogsCommand(context: CommandContext): Command {
  return new Command('logs')
    .description('Print the logs for a container in a pod or specified resource.')
    .usage('[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]')
    .argument('[args...]')
    .option('-f, --follow', 'Specify if the logs should be streamed.')
    .option(
      '--tail <lines>',
      'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    )
    .option(
      '--since <duration>',
      'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs.',
    )
    .option(
      '--since-time <time>',
      'Only return logs after a specific date (RFC3339). Defaults to all logs.',
    )
    .option('--timestamps', 'Include timestamps on each line in the log output')
    .option('-c, --container <name>', 'Print the logs of this container')
    .option('--all-containers', "Get all containers' logs in the pod(s).")
    .option('--all-pods', 'Get logs from all pod(s). Sets prefix to true.')
    .option(
      '-p, --previous',
      'If true, print the logs for the previous instance of the container in a pod if it exists.',
    )
    .option('-l, --selector <selector>', 'Selector (label query) to filter on.')
    .option(
      '--max-log-requests <n>',
      'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
      '5',
    )
    .option('--prefix', 'Prefix each log line with the log source (pod name and container name)')
    .option('--limit-bytes <n>', 'Maximum bytes of logs to return. Defaults to no limit.')
    .option(
      '--ignore-errors',
      'If watching / following pod logs, allow for any errors that occur to be non-fatal',
    )
    .option(
      '--pod-running-timeout <duration>',
      'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      '20s',
    )
    .addOption(
      new Option(
        '--insecure-skip-tls-verify-backend',
        'Skip verifying the identity of the kubelet that logs are requested from.',
      ),
    )
    .action(async (args: string[], flags: LogsFlags, command: Command) => {
      const { runLogs } = await import('./run-logs.js');
      await runLogs(factoryFor(context, command), args, flags);
    });
}

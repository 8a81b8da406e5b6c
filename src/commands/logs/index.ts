import { Command, Option } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withHelp } from '../../runtime/command-help.js';
import type { LogsFlags } from './log-options.js';

/** kubectl's help for `ktl logs` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
  example: `# Return snapshot logs from pod nginx with only one container
ktl logs nginx

# Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
ktl logs nginx --prefix

# Return snapshot logs from pod nginx, limiting output to 500 bytes
ktl logs nginx --limit-bytes=500

# Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
ktl logs nginx --pod-running-timeout=20s

# Return snapshot logs from pod nginx with multi containers
ktl logs nginx --all-containers=true

# Return snapshot logs from all pods in the deployment nginx
ktl logs deployment/nginx --all-pods=true

# Return snapshot logs from all containers in pods defined by label app=nginx
ktl logs -l app=nginx --all-containers=true

# Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
ktl logs -l app=nginx --max-log-requests=10

# Return snapshot of previous terminated ruby container logs from pod web-1
ktl logs -p -c ruby web-1

# Begin streaming the logs from pod nginx, continuing even if errors occur
ktl logs nginx -f --ignore-errors=true

# Begin streaming the logs of the ruby container in pod web-1
ktl logs -f -c ruby web-1

# Begin streaming the logs from all containers in pods defined by label app=nginx
ktl logs -f -l app=nginx --all-containers=true

# Display only the most recent 20 lines of output in pod nginx
ktl logs --tail=20 nginx

# Show all logs from pod nginx written in the last hour
ktl logs --since=1h nginx

# Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
ktl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true

# Show logs from a kubelet with an expired serving certificate
ktl logs --insecure-skip-tls-verify-backend nginx

# Return snapshot logs from first container of a job named hello
ktl logs job/hello

# Return snapshot logs from container nginx-1 of a deployment named nginx
ktl logs deployment/nginx -c nginx-1`,
  usage: '[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  defaults: {
    'limit-bytes': plainDefault(0),
    'max-log-requests': plainDefault(5),
    since: plainDefault('0s'),
    tail: plainDefault(-1),
  },
};

/** `ktl logs`: print the logs for a container in a pod. */
export function newLogsCommand(context: CommandContext): Command {
  return withHelp(
    new Command('logs')
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
      }),
    HELP,
  );
}

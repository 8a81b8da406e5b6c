import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import type { PortForwardFlags } from './run-port-forward.js';

function collectAddresses(value: string, previous: string[] | undefined): string[] {
  const fresh = previous === DEFAULT_ADDRESSES ? [] : (previous ?? []);
  return [...fresh, ...value.split(',').filter((a) => a !== '')];
}

const DEFAULT_ADDRESSES = ['localhost'];

/** kubectl's help for `ktl port-forward` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
  example: `# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
ktl port-forward pod/mypod 5000 6000

# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
ktl port-forward deployment/mydeployment 5000 6000

# Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
ktl port-forward service/myservice 8443:https

# Listen on port 8888 locally, forwarding to 5000 in the pod
ktl port-forward pod/mypod 8888:5000

# Listen on port 8888 on all addresses, forwarding to 5000 in the pod
ktl port-forward --address 0.0.0.0 pod/mypod 8888:5000

# Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
ktl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000

# Listen on a random port locally, forwarding to 5000 in the pod
ktl port-forward pod/mypod :5000`,
  usage: 'TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
};

/** `ktl port-forward`: forward local ports to a pod. */
export function newPortForwardCommand(context: CommandContext): Command {
  return withHelp(
    new Command('port-forward')
      .description('Forward one or more local ports to a pod.')
      .usage('TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]')
      .argument('[args...]')
      .option(
        '--address <addresses>',
        'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.',
        collectAddresses,
        DEFAULT_ADDRESSES,
      )
      .option(
        '--pod-running-timeout <duration>',
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
        '1m0s',
      )
      .action(async (args: string[], flags: PortForwardFlags, command: Command) => {
        const { runPortForward } = await import('./run-port-forward.js');
        await runPortForward(factoryFor(context, command), args, flags);
      }),
    HELP,
  );
}

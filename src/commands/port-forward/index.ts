import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** Options of `ktl port-forward`. */
export interface PortForwardFlags {
  address: string[];
  podRunningTimeout: string;
}

function collectAddresses(value: string, previous: string[] | undefined): string[] {
  const fresh = previous === DEFAULT_ADDRESSES ? [] : (previous ?? []);
  return [...fresh, ...value.split(',').filter((a) => a !== '')];
}

const DEFAULT_ADDRESSES = ['localhost'];

/** `ktl port-forward`: forward local ports to a pod. */
export function newPortForwardCommand(context: CommandContext): Command {
  return new Command('port-forward')
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
    });
}

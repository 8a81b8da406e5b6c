import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** `ktl cluster-info`: addresses of the control plane and the cluster services. */
export function newClusterInfoCommand(context: CommandContext): Command {
  return (
    new Command('cluster-info')
      .description(
        'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
      )
      // kubectl ignores arguments it does not use.
      .argument('[ignored...]')
      .action(async (_args: string[], _opts: object, command: Command) => {
        const { runClusterInfo } = await import('./run-cluster-info.js');
        await runClusterInfo(factoryFor(context, command));
      })
  );
}

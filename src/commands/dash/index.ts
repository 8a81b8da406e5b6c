import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';

/** ktl's own command: the dashboard's keys and per-context settings. */
const HELP: CommandHelp = {
  long: `Open the live terminal dashboard (resource tables that update as the cluster changes). ktl only: kubectl has no such command.

 Keys: ? in the dashboard lists every key. Per-context settings live in the kubeconfig, as a
context extension named "ktl":

  contexts:
  - name: prod
    context:
      cluster: prod
      user: admin
      extensions:
      - name: ktl
        extension:
          readonly: true              # like --readonly, for this context only
          favourites: [default, web]  # namespaces on keys 1-9`,
  usage: '[TYPE] [flags]',
};

/** `ktl dash`: the live terminal dashboard. */
export function newDashCommand(context: CommandContext): Command {
  return withHelp(
    new Command('dash')
      .description(
        'Open the live terminal dashboard (resource tables that update as the cluster changes).',
      )
      .argument(
        '[type]',
        'Resource type to show first (pods, deploy, a CRD name ...); default pods',
      )
      .option('-A, --all-namespaces', 'Show every namespace.')
      .option(
        '--readonly',
        'Disable every action that changes the cluster (delete, scale, restart).',
      )
      .action(
        async (
          type: string | undefined,
          opts: { allNamespaces?: boolean; readonly?: boolean },
          command: Command,
        ) => {
          const { runDash } = await import('./run-dash.js');
          await runDash(factoryFor(context, command), {
            type,
            allNamespaces: opts.allNamespaces === true,
            readonly: opts.readonly === true,
          });
        },
      ),
    HELP,
  );
}

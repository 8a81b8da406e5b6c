import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import { dryRunOption } from '../../runtime/mutation-flags.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import type { WhoAmIFlags } from './run-whoami.js';
import type { CanIFlags } from './can-i-flags.js';
import type { ReconcileFlags } from './run-reconcile.js';

const RECONCILE_HELP: CommandHelp = {
  long: `Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects.

 Missing objects are created, and the containing namespace is created for namespaced objects, if required.

 Existing roles are updated to include the permissions in the input objects, and remove extra permissions if --remove-extra-permissions is specified.

 Existing bindings are updated to include the subjects in the input objects, and remove extra subjects if --remove-extra-subjects is specified.

 This is preferred to 'apply' for RBAC resources so that semantically-aware merging of rules and subjects is done.`,
  example: `# Reconcile RBAC resources from a file\nktl auth reconcile -f my-rbac-rules.yaml`,
  usage: '-f FILENAME',
};

/** `auth reconcile -f FILE`: kubectl's RBAC reconciliation of roles and bindings. */
function reconcileCommand(context: CommandContext): Command {
  const command = new Command('reconcile')
    .description(
      'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
    )
    .argument('[args...]');
  addFilenameFlags(addPrintFlags(command), 'reconcile.')
    .option('--remove-extra-permissions', 'If true, removes extra permissions added to roles')
    .option('--remove-extra-subjects', 'If true, removes extra subjects added to rolebindings')
    .addOption(dryRunOption());
  command.action(async (args: string[], flags: ReconcileFlags, cmd: Command) => {
    const { runReconcile } = await import('./run-reconcile.js');
    await runReconcile(factoryFor(context, cmd), args, flags);
  });
  return withHelp(command, RECONCILE_HELP);
}

/** `ktl auth`: inspect authorization. */
export function newAuthCommand(context: CommandContext): Command {
  const auth = new Command('auth').description('Inspect authorization.');
  auth.addCommand(
    new Command('can-i')
      .description('Check whether an action is allowed.')
      .usage('VERB [TYPE | TYPE/NAME | NONRESOURCEURL]')
      .argument('[args...]')
      .option('-A, --all-namespaces', 'If true, check the specified action in all namespaces.')
      .option('-q, --quiet', 'If true, suppress output and just return the exit code.')
      .option('--subresource <name>', 'SubResource such as pod/log or deployment/scale')
      .option('--list', 'If true, prints all allowed actions.')
      .option('--no-headers', 'If true, prints allowed actions without headers')
      .action(async (args: string[], flags: CanIFlags, command: Command) => {
        if (flags.list) {
          const { runCanIListChecked } = await import('./run-can-i-list.js');
          await runCanIListChecked(factoryFor(context, command), args, flags);
          return;
        }
        const { runCanI } = await import('./run-can-i.js');
        await runCanI(factoryFor(context, command), args, flags);
      }),
  );
  auth.addCommand(reconcileCommand(context));
  auth.addCommand(
    addPrintFlags(
      new Command('whoami')
        .description('Experimental: Check self subject attributes.')
        .argument('[args...]'),
    ).action(async (_args: string[], flags: WhoAmIFlags, command: Command) => {
      const { runWhoAmI } = await import('./run-whoami.js');
      await runWhoAmI(factoryFor(context, command), flags);
    }),
  );
  return asCommandGroup(auth, context.streams, 'stderr');
}

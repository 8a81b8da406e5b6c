import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { WhoAmIFlags } from './run-whoami.js';
import type { CanIFlags } from './can-i-flags.js';

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

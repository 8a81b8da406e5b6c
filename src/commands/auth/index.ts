import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** Flags of `ktl auth can-i`. */
export interface CanIFlags {
  allNamespaces?: boolean;
  quiet?: boolean;
  subresource?: string;
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
      .action(async (args: string[], flags: CanIFlags, command: Command) => {
        const { runCanI } = await import('./run-can-i.js');
        await runCanI(factoryFor(context, command), args, flags);
      }),
  );
  return auth;
}

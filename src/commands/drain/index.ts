import { Command, Option } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import type { CordonFlags } from './run-cordon.js';

const SELECTOR =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.";
const DRY_RUN =
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';

function cordonCommand(context: CommandContext, desired: boolean): Command {
  const verb = desired ? 'cordon' : 'uncordon';
  const state = desired ? 'unschedulable' : 'schedulable';
  const help: CommandHelp = {
    long: `Mark node as ${state}.`,
    example: `# Mark node "foo" as ${state}\nktl ${verb} foo`,
    usage: 'NODE',
  };
  const command = new Command(verb)
    .description(`Mark node as ${state}`)
    .argument('[args...]', 'NODE')
    .addOption(new Option('--dry-run [strategy]', DRY_RUN).default('none'))
    .option('-l, --selector <selector>', SELECTOR)
    .action(async (args: string[], flags: CordonFlags, cmd: Command) => {
      const { runCordon } = await import('./run-cordon.js');
      await runCordon(factoryFor(context, cmd), args, flags, desired);
    });
  return withHelp(command, help);
}

/** `ktl cordon NODE`: mark a node unschedulable. */
export function newCordonCommand(context: CommandContext): Command {
  return cordonCommand(context, true);
}

/** `ktl uncordon NODE`: mark a node schedulable again. */
export function newUncordonCommand(context: CommandContext): Command {
  return cordonCommand(context, false);
}

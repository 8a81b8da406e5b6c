import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import { addKeyUpdateFlags } from '../label/index.js';
import type { LabelFlags } from '../label/run-label.js';

/** `ktl annotate`: update the annotations on a resource. */
export function newAnnotateCommand(context: CommandContext): Command {
  const command = new Command('annotate')
    .description('Update the annotations on a resource.')
    .argument('[args...]', 'TYPE NAME | TYPE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N');
  return addKeyUpdateFlags(command, 'annotation').action(
    async (args: string[], flags: LabelFlags, cmd: Command) => {
      const { runLabel } = await import('../label/run-label.js');
      await runLabel(factoryFor(context, cmd), 'annotation', args, flags);
    },
  );
}

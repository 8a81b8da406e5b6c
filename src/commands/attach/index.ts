import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { StreamOptions } from '../../runtime/stream-flags.js';
import { addStreamFlags } from '../../runtime/stream-flags.js';

/** Options of `ktl attach`. */
export type AttachOptions = StreamOptions;

/** `ktl attach`: attach to a process that is already running inside a container. */
export function newAttachCommand(context: CommandContext): Command {
  const attach = new Command('attach')
    .description('Attach to a running container.')
    .usage('(POD | TYPE/NAME) -c CONTAINER')
    .argument('[target]');
  return addStreamFlags(attach).action(
    async (target: string | undefined, opts: AttachOptions, command: Command) => {
      const { runAttach } = await import('./run-attach.js');
      await runAttach(factoryFor(context, command), target, opts);
    },
  );
}

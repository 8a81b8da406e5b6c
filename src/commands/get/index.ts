import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';

/** `ktl get`: display one or many resources. */
export function newGetCommand(context: CommandContext): Command {
  return new Command('get')
    .description('Display one or many resources.')
    .argument('[args...]', 'TYPE[.VERSION][.GROUP] [NAME ...] | TYPE[.VERSION][.GROUP]/NAME ...')
    .option('--raw <path>', 'Raw URI to request from the server.')
    .action(async (args: string[], opts: { raw?: string }, command: Command) => {
      const factory = factoryFor(context, command);
      if (opts.raw !== undefined) {
        const { runGetRaw } = await import('./run-raw.js');
        await runGetRaw(factory, opts.raw);
        return;
      }
      const { runGet } = await import('./run-get.js');
      await runGet(factory, args, opts);
    });
}

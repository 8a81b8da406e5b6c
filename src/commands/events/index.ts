import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import type { EventsFlags } from './run-events.js';

/** `ktl events`: list events. */
export function newEventsCommand(context: CommandContext): Command {
  return new Command('events')
    .description('Display events.')
    .option(
      '-A, --all-namespaces',
      'If present, list the requested object(s) across all namespaces.',
    )
    .option('--for <resource>', 'Filter events to only those pertaining to the specified resource.')
    .option('--types <types>', 'Output only events of given types.')
    .option('-w, --watch', 'After listing the requested events, watch for more events.')
    .option('--no-headers', "When using the default output format, don't print headers.")
    .option(
      '--chunk-size <n>',
      'Return large lists in chunks rather than all at once. Pass 0 to disable.',
      '500',
    )
    .option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json).',
    )
    .action(async (flags: EventsFlags, cmd: Command) => {
      const { runEvents } = await import('./run-events.js');
      await runEvents(factoryFor(context, cmd), flags);
    });
}

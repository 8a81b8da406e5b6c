import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { EventsFlags } from './run-events.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { listDefault, plainDefault, withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl events` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.`,
  example: `# List recent events in the default namespace
ktl events

# List recent events in all namespaces
ktl events --all-namespaces

# List recent events for the specified pod, then wait for more events and list them as they arrive
ktl events --for pod/web-pod-13je7 --watch

# List recent events in YAML format
ktl events -oyaml

# List recent only events of type 'Warning' or 'Normal'
ktl events --types=Warning,Normal`,
  usage:
    '[(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  defaults: { 'chunk-size': plainDefault(500), types: listDefault() },
};

/** `ktl events`: list events. */
export function newEventsCommand(context: CommandContext): Command {
  const command = new Command('events')
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
    );
  return withHelp(
    addPrintFlags(command).action(async (flags: EventsFlags, cmd: Command) => {
      const { runEvents } = await import('./run-events.js');
      await runEvents(factoryFor(context, cmd), flags);
    }),
    HELP,
  );
}

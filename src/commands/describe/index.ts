import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import type { DescribeFlags } from './run-describe.js';

/** `ktl describe`: show details of a specific resource or group of resources. */
export function newDescribeCommand(context: CommandContext): Command {
  return new Command('describe')
    .description('Show details of a specific resource or group of resources.')
    .argument('[args...]', '(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)')
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '-A, --all-namespaces',
      'If present, list the requested object(s) across all namespaces.',
    )
    .option(
      '--show-events [bool]',
      'If true, display events related to the described object.',
      true,
    )
    .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once.', '500')
    .action(async (args: string[], flags: DescribeFlags, cmd: Command) => {
      const { runDescribe } = await import('./run-describe.js');
      await runDescribe(factoryFor(context, cmd), args, flags);
    });
}

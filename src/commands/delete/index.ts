import { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { parseGoDuration } from '../../config/duration.js';
import type { CommandContext } from '../command-context.js';
import { commandPathOf, factoryFor } from '../command-context.js';
import { collect, parseDryRun } from '../apply/flag-values.js';
import type { DeleteOptions } from './delete-options.js';
import { cascadeFromFlag } from './cascade.js';

interface DeleteFlags {
  filename?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  cascade?: string | boolean;
  gracePeriod?: string;
  force?: boolean;
  now?: boolean;
  wait?: string | boolean;
  timeout?: string;
  ignoreNotFound?: boolean;
  dryRun?: string | boolean;
  output?: string;
}

/** `ktl delete`: delete resources by file names, stdin, resources and names, or selectors. */
export function newDeleteCommand(context: CommandContext): Command {
  return new Command('delete')
    .description(
      'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
    )
    .argument('[args...]', 'TYPE [NAME ...] | TYPE/NAME ...')
    .option('-f, --filename <file>', 'containing the resource to delete.', collect)
    .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on.')
    .option('--field-selector <selector>', 'Selector (field query) to filter on.')
    .option('--all', 'Delete all resources, in the namespace of the specified resource types.')
    .option(
      '-A, --all-namespaces',
      'If present, list the requested object(s) across all namespaces.',
    )
    .option('--cascade [strategy]', 'Must be "background", "orphan", or "foreground".')
    .option(
      '--grace-period <seconds>',
      'Period of time in seconds given to the resource to terminate gracefully.',
      '-1',
    )
    .option(
      '--force',
      'If true, immediately remove resources from API and bypass graceful deletion.',
    )
    .option(
      '--now',
      'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    )
    .option('--wait [bool]', 'If true, wait for resources to be gone before returning.')
    .option(
      '--timeout <duration>',
      'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
      '0s',
    )
    .option('--ignore-not-found', 'Treat "resource not found" as a successful delete.')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
    .option(
      '-o, --output <format>',
      'Output mode. Use "-o name" for shorter output (resource/name).',
    )
    .action(async (args: string[], flags: DeleteFlags, command: Command) => {
      const factory = factoryFor(context, command);
      const options = toOptions(args, flags, context);
      const { runDelete } = await import('./run-delete.js');
      await runDelete(factory, options, commandPathOf(command));
    });
}

function toOptions(args: string[], flags: DeleteFlags, context: CommandContext): DeleteOptions {
  const cascade = cascadeFromFlag(flags.cascade);
  let gracePeriod = Number(flags.gracePeriod ?? '-1');
  if (flags.now) gracePeriod = 1;
  if (flags.force && gracePeriod < 0) gracePeriod = 0;
  if (!flags.force && gracePeriod === 0) gracePeriod = 1;
  const output = flags.output ?? '';
  if (output !== '' && output !== 'name')
    throw new PlainError(
      `unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|name`,
    );
  const selecting = Boolean(flags.selector || flags.fieldSelector || flags.all);
  return {
    args,
    filename: flags.filename ?? [],
    recursive: flags.recursive === true,
    selector: flags.selector ?? '',
    fieldSelector: flags.fieldSelector ?? '',
    all: flags.all === true,
    allNamespaces: flags.allNamespaces === true,
    cascade,
    gracePeriod,
    force: flags.force === true,
    wait: !(flags.wait === false || flags.wait === 'false'),
    timeoutMs: parseGoDuration(flags.timeout ?? '0s') ?? 0,
    ignoreNotFound: flags.ignoreNotFound === true || selecting,
    dryRun: parseDryRun(flags.dryRun, context.streams.err),
    output,
  };
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';

/** `ktl explain TYPE[.FIELD...]`: documentation of a resource and its fields. */
export function newExplainCommand(context: CommandContext): Command {
  return new Command('explain')
    .description('Get documentation for a resource.')
    .argument('[args...]', 'TYPE[.FIELD...]')
    .option(
      '--api-version <group/version>',
      'Use given api-version (group/version) of the resource.',
      '',
    )
    .option('--recursive [bool]', 'When true, print the name of all the fields recursively.')
    .option(
      '-o, --output <format>',
      'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
      'plaintext',
    )
    .action(async (args: string[], opts: RawOptions, command: Command) => {
      const factory = factoryFor(context, command);
      const { runExplain } = await import('./run-explain.js');
      const recursive =
        opts.recursive === true ||
        (typeof opts.recursive === 'string' && opts.recursive !== 'false');
      await runExplain(factory, args, {
        apiVersion: opts.apiVersion,
        recursive,
        output: opts.output,
      });
    });
}

interface RawOptions {
  apiVersion: string;
  recursive?: boolean | string;
  output: string;
}

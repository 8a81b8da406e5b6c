import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import type { WaitFlags } from './run-wait.js';
import { addFilenameFlags } from '../label/file-flags.js';

/** `ktl wait`: wait for a specific condition on one or many resources. */
export function newWaitCommand(context: CommandContext): Command {
  const command = new Command('wait')
    .description('Experimental: Wait for a specific condition on one or many resources.')
    .argument(
      '[args...]',
      '([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)])',
    )
    .option(
      '--for <condition>',
      "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].",
      '',
    )
    .option(
      '--timeout <duration>',
      "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.",
      '30s',
    )
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option(
      '-A, --all-namespaces',
      'If present, list the requested object(s) across all namespaces.',
    )
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--field-selector <selector>',
      "Selector (field query) to filter on, supports '=', '==', and '!='.",
    )
    .option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json).',
    );
  return addFilenameFlags(command, 'wait on').action(
    async (args: string[], flags: WaitFlags, cmd: Command) => {
      const { runWait } = await import('./run-wait.js');
      await runWait(factoryFor(context, cmd), args, flags);
    },
  );
}

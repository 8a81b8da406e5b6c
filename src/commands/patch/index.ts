import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { factoryFor } from '../command-context.js';
import { addMutationFlags } from '../create/flags.js';
import { addFilenameFlags } from '../label/file-flags.js';
import type { PatchFlags } from './run-patch.js';

/** `ktl patch`: update fields of a resource with a strategic merge, JSON merge or JSON patch. */
export function newPatchCommand(context: CommandContext): Command {
  const command = new Command('patch')
    .description(
      'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.',
    )
    .argument('[args...]', '(-f FILENAME | TYPE NAME | TYPE/NAME)')
    .option('-p, --patch <patch>', 'The patch to be applied to the resource JSON file.')
    .option('--patch-file <file>', 'A file containing a patch to be applied to the resource.')
    .option(
      '--type <type>',
      'The type of patch being provided; one of [json merge strategic]',
      'strategic',
    )
    .option(
      '--subresource <name>',
      "If specified, patch will operate on the subresource of the requested object. Supports 'status' and 'scale'.",
    )
    .option(
      '-o, --output <format>',
      'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json).',
    );
  addFilenameFlags(command, 'update').option(
    '--local',
    'If true, patch will operate on the content of the file, not the server-side resource.',
  );
  return addMutationFlags(command, 'kubectl-patch', false).action(
    async (args: string[], flags: PatchFlags, cmd: Command) => {
      const { runPatch } = await import('./run-patch.js');
      await runPatch(factoryFor(context, cmd), args, flags);
    },
  );
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import { addKustomizeFlag } from '../../runtime/filename-flags.js';
import { collect } from '../../runtime/flag-values.js';
import { addMutationFlags } from '../../runtime/mutation-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { ReplaceFlags } from './run-replace.js';

/** kubectl's help for `ktl replace` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ ktl get TYPE NAME -o yaml`,
  example: `# Replace a pod using the data in pod.json
ktl replace -f ./pod.json

# Replace a pod based on the JSON passed into stdin
cat pod.json | ktl replace -f -

# Update a single-container pod's image version (tag) to v4
ktl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | ktl replace -f -`,
  usage: '-f FILENAME',
};

/** `ktl replace`: PUT each object of the manifests over the live one. */
export function newReplaceCommand(context: CommandContext): Command {
  const command = new Command('replace')
    .description('Replace a resource by file name or stdin.')
    .option(
      '-f, --filename <file>',
      'The files that contain the configurations to replace.',
      collect,
    );
  addKustomizeFlag(command, 'a')
    .option(
      '-R, --recursive',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    )
    .option(
      '--subresource <name>',
      'If specified, replace will operate on the subresource of the requested object.',
    );
  addMutationFlags(addPrintFlags(command), 'kubectl-replace');
  return withHelp(
    command.action(async (flags: ReplaceFlags, cmd: Command) => {
      const { runReplace } = await import('./run-replace.js');
      await runReplace(factoryFor(context, cmd), flags);
    }),
    HELP,
  );
}

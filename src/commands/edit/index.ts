import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { EditFlags } from './run-edit.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { stringDefault, withHelp } from '../../runtime/command-help.js';
import { addFilenameFlagsWithHelp } from '../../runtime/filename-flags.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { validateOption } from '../../runtime/mutation-flags.js';

/** kubectl's help for `ktl edit` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  example: `# Edit the service named 'registry'
ktl edit svc/registry

# Use an alternative editor
KUBE_EDITOR="nano" ktl edit svc/registry

# Edit the job 'myjob' in JSON using the v1 API format
ktl edit job.v1.batch/myjob -o json

# Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
ktl edit deployment/mydeployment -o yaml --save-config`,
  usage: '(RESOURCE/NAME | -f FILENAME)',
  defaults: { validate: stringDefault('strict') },
};

/** `ktl edit`: edit a resource on the server in $KUBE_EDITOR / $EDITOR. */
export function newEditCommand(context: CommandContext): Command {
  const command = new Command('edit')
    .description('Edit a resource on the server.')
    .argument('[args...]', '(RESOURCE/NAME | -f FILENAME)');
  addPrintFlags(command)
    .option('--output-patch', 'Output the patch if the resource is edited.')
    .option(
      '--save-config',
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    )
    .option('--windows-line-endings', 'Defaults to the line ending native to your platform.')
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      'kubectl-edit',
    )
    .addOption(validateOption());
  addFilenameFlagsWithHelp(
    command,
    'Filename, directory, or URL to files to use to edit the resource',
  );
  return withHelp(
    command.action(async (args: string[], flags: EditFlags, cmd: Command) => {
      const { runEdit } = await import('./run-edit.js');
      await runEdit(factoryFor(context, cmd), args, flags);
    }),
    HELP,
  );
}

import { Command } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { DescribeFlags } from './run-describe.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, withHelp } from '../../runtime/command-help.js';
import { addFilenameFlagsWithHelp } from '../../runtime/filename-flags.js';

/** kubectl's help for `ktl describe` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ ktl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "ktl api-resources" for a complete list of supported resources.`,
  example: `# Describe a node
ktl describe nodes kubernetes-node-emt8.c.myproject.internal

# Describe a pod
ktl describe pods/nginx

# Describe all pods
ktl describe pods

# Describe pods by label name=myLabel
ktl describe pods -l name=myLabel

# Describe all pods managed by the 'frontend' replication controller
# (rc-created pods get the name of the rc as a prefix in the pod name)
ktl describe pods frontend`,
  usage: '(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  defaults: { 'chunk-size': plainDefault(500) },
};

/** `ktl describe`: show details of a specific resource or group of resources. */
export function newDescribeCommand(context: CommandContext): Command {
  const command = new Command('describe')
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
    .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once.', '500');
  addFilenameFlagsWithHelp(
    command,
    'Filename, directory, or URL to files containing the resource to describe',
  );
  return withHelp(
    command.action(async (args: string[], flags: DescribeFlags, cmd: Command) => {
      const { runDescribe } = await import('./run-describe.js');
      await runDescribe(factoryFor(context, cmd), args, flags);
    }),
    HELP,
  );
}

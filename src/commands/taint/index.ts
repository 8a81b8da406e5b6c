import { Command, Option } from 'commander';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { withHelp } from '../../runtime/command-help.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import type { TaintFlags } from './run-taint.js';

const HELP: CommandHelp = {
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  example: `# Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
# If a taint with that key and effect already exists, its value is replaced as specified
ktl taint nodes foo dedicated=special-user:NoSchedule

# Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
ktl taint nodes foo dedicated:NoSchedule-

# Remove from node 'foo' all the taints with key 'dedicated'
ktl taint nodes foo dedicated-

# Add a taint with key 'dedicated' on nodes having label myLabel=X
ktl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

# Add to node 'foo' a taint with key 'bar' and no value
ktl taint nodes foo bar:NoSchedule`,
  usage: 'NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
};

const SELECTOR =
  "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.";
const DRY_RUN =
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';
const VALIDATE =
  'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.';

/** `ktl taint NODE NAME KEY=VAL:EFFECT...`: update the taints on one or more nodes. */
export function newTaintCommand(context: CommandContext): Command {
  const command = new Command('taint')
    .description('Update the taints on one or more nodes')
    .argument('[args...]', 'NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N')
    .option('--all', 'Select all nodes in the cluster')
    .addOption(new Option('--dry-run [strategy]', DRY_RUN).default('none'))
    .option(
      '--field-manager <name>',
      'Name of the manager used to track field ownership.',
      'kubectl-taint',
    )
    .option(
      '--overwrite',
      'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    )
    .option('-l, --selector <selector>', SELECTOR)
    .addOption(new Option('--validate [mode]', VALIDATE).default('strict'));
  return withHelp(
    addPrintFlags(command).action(async (args: string[], flags: TaintFlags, cmd: Command) => {
      const { runTaint } = await import('./run-taint.js');
      await runTaint(factoryFor(context, cmd), args, flags);
    }),
    HELP,
  );
}

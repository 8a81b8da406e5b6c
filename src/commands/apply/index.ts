import { Command } from 'commander';
import { PlainError, UsageError } from '../../errors/errors.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf, factoryFor } from '../../runtime/command-context.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import { collect } from '../../runtime/flag-values.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { effectiveOutput } from '../../runtime/template-output.js';
import { dryRunStrategy, parseValidate } from '../../runtime/mutation-flags.js';
import type { WaitFlags } from './wait-flags.js';
import { addWaitFlags, waitOptions } from './wait-flags.js';
import { newEditLastAppliedCommand } from './edit-last-applied.js';
import { newSetLastAppliedCommand } from './set-last-applied.js';
import { newViewLastAppliedCommand } from './view-last-applied.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { flagDefaults, stringDefault, withHelp } from '../../runtime/command-help.js';

interface ApplyFlags extends WaitFlags, PrintFlagValues {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  dryRun?: string | boolean;
  serverSide?: boolean;
  forceConflicts?: boolean;
  force?: boolean;
  fieldManager?: string;
  validate?: string | boolean;
  output?: string;
  prune?: boolean;
  selector?: string;
  pruneAllowlist?: string[];
  all?: boolean;
  overwrite?: boolean;
}

/** kubectl's help for `ktl apply` (examples use only flags ktl has). */
const HELP: CommandHelp = {
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `# Apply the configuration in pod.json to a pod
ktl apply -f ./pod.json

# Apply the JSON passed into stdin to a pod
cat pod.json | ktl apply -f -

# Apply the configuration from all files that end with '.json'
ktl apply -f '*.json'

# Note: --prune is still in Alpha
# Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
ktl apply --prune -f manifest.yaml -l app=nginx

# Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
ktl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  usage: '(-f FILENAME | -k DIRECTORY)',
};

/** `ktl apply`: apply a configuration to resources from files or stdin. */
export function newApplyCommand(context: CommandContext): Command {
  const command = new Command('apply')
    .description('Apply a configuration to a resource by file name or stdin.')
    .option('-f, --filename <file>', 'The files that contain the configurations to apply.', collect)
    .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
    .option(
      '-k, --kustomize <dir>',
      "Process a kustomization directory. This flag can't be used together with -f or -R.",
    )
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
    .option('--server-side', 'If true, apply runs in the server instead of the client.')
    .option(
      '--force',
      'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    )
    .option(
      '--force-conflicts',
      'If true, server-side apply will force the changes against conflicts.',
    )
    .option('--field-manager <name>', 'Name of the manager used to track field ownership.')
    .option('--validate [mode]', 'Must be one of: strict (or true), warn, ignore (or false).')
    .option(
      '--prune',
      'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
    )
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
    )
    .option(
      '--prune-allowlist <gvk>',
      'Overwrite the default allowlist with <group/version/kind> for --prune',
      collect,
    )
    .option('--all', 'Select all resources in the namespace of the specified resource types.')
    .option(
      '--overwrite',
      'Automatically resolve conflicts between the modified and live configuration.',
      true,
    );
  addWaitFlags(command);
  addPrintFlags(command);
  // The subcommands read the flags apply takes on their behalf with flagsWithGroup.
  command.addCommand(newEditLastAppliedCommand(context));
  command.addCommand(newViewLastAppliedCommand(context));
  command.addCommand(newSetLastAppliedCommand(context));
  flagDefaults(command, {
    'dry-run': stringDefault('none'),
    'field-manager': stringDefault('kubectl-client-side-apply'),
    validate: stringDefault('strict'),
  });
  return withHelp(
    command
      .argument('[args...]')
      .action(async (args: string[], flags: ApplyFlags, invoked: Command) => {
        // kubectl's ToOptions refuses arguments before anything else
        if (args.length > 0)
          throw new UsageError(`Unexpected args: [${args.join(' ')}]`, commandPathOf(invoked));
        const factory = factoryFor(context, invoked);
        const options = toOptions(flags, invoked, context);
        const { runApply } = await import('./run-apply.js');
        await runApply(factory, options);
      }),
    HELP,
  );
}

function toOptions(flags: ApplyFlags, command: Command, context: CommandContext): ApplyOptions {
  const path = commandPathOf(command);
  if ((!flags.filename || flags.filename.length === 0) && flags.kustomize === undefined)
    throw new UsageError('must specify one of -f and -k', path);
  const serverSide = flags.serverSide === true;
  const dryRun = dryRunStrategy(flags.dryRun, (text) => context.streams.err.write(text));
  if (flags.force && serverSide) throw new PlainError('--force cannot be used with --server-side');
  if (flags.force && dryRun === 'server')
    throw new PlainError('--dry-run=server cannot be used with --force');
  if (flags.forceConflicts && !serverSide)
    throw new PlainError('--force-conflicts only works with --server-side');
  if (serverSide && dryRun === 'client')
    throw new PlainError(
      "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    );
  const printFlags: PrintFlagValues = {
    ...(flags.output !== undefined ? { output: flags.output } : {}),
    ...(flags.template !== undefined ? { template: flags.template } : {}),
    ...(flags.allowMissingTemplateKeys !== undefined
      ? { allowMissingTemplateKeys: flags.allowMissingTemplateKeys }
      : {}),
    showManagedFields: flags.showManagedFields === true,
  };
  checkResultOutput(printFlags); // kubectl's PrintFlags.ToPrinter, before anything is sent
  const output = effectiveOutput(printFlags);
  return {
    filename: flags.filename ?? [],
    ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
    recursive: flags.recursive === true,
    dryRun,
    serverSide,
    forceConflicts: flags.forceConflicts === true,
    force: flags.force === true,
    fieldManager: flags.fieldManager ?? (serverSide ? 'kubectl' : 'kubectl-client-side-apply'),
    validate: parseValidate(flags.validate),
    output,
    printFlags,
    prune: flags.prune === true,
    selector: flags.selector ?? '',
    pruneAllowlist: flags.pruneAllowlist ?? [],
    all: flags.all === true,
    overwrite: flags.overwrite !== false,
    ...waitOptions(flags),
  };
}

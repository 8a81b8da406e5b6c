import { Command } from 'commander';
import { RaisedExitCode, UsageError } from '../../errors/errors.js';
import { collect, intProblem } from '../../runtime/flag-values.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf, factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp } from '../../runtime/command-help.js';
import { plainDefault, stringDefault, withHelp } from '../../runtime/command-help.js';

/** kubectl's help for `ktl diff`. */
const HELP: CommandHelp = {
  long: `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 ktl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`,
  example: `# Diff resources included in pod.json
ktl diff -f pod.json

# Diff file read from stdin
cat service.yaml | ktl diff -f -`,
  usage: '-f FILENAME',
  defaults: {
    'field-manager': stringDefault('kubectl-client-side-apply'),
    concurrency: plainDefault(1),
  },
};

interface DiffFlags {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  serverSide?: boolean;
  forceConflicts?: boolean;
  fieldManager?: string;
  showSecret?: boolean;
  showManagedFields?: boolean;
  selector?: string;
  prune?: boolean;
  pruneAllowlist?: string[];
  concurrency?: string;
}

/** `ktl diff -f`: diff the live objects against what applying the files would make them. */
export function newDiffCommand(context: CommandContext): Command {
  return withHelp(
    new Command('diff')
      .description(
        'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.',
      )
      .option(
        '-f, --filename <file>',
        'Filename, directory, or URL to files contains the configuration to diff',
        collect,
      )
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively.')
      .option(
        '-k, --kustomize <dir>',
        "Process the kustomization directory. This flag can't be used together with -f or -R.",
      )
      .option('--server-side', 'If true, apply runs in the server instead of the client.')
      .option(
        '--force-conflicts',
        'If true, server-side apply will force the changes against conflicts.',
      )
      .option('--field-manager <name>', 'Name of the manager used to track field ownership.')
      .option('--show-secret', 'If true, include Secret data in diff.')
      .option('--show-managed-fields', 'If true, include managed fields in the diff.')
      .option(
        '-l, --selector <selector>',
        "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      )
      .option(
        '--prune',
        'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned',
      )
      .option(
        '--prune-allowlist <gvk>',
        'Overwrite the default allowlist with <group/version/kind> for --prune',
        collect,
      )
      .option(
        '--concurrency <n>',
        'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.',
        '1',
      )
      .action(async (flags: DiffFlags, command: Command) => {
        const factory = factoryFor(context, command);
        if ((!flags.filename || flags.filename.length === 0) && flags.kustomize === undefined)
          throw new UsageError('must specify one of -f and -k', commandPathOf(command));
        const serverSide = flags.serverSide === true;
        const concurrency = concurrencyOf(flags.concurrency ?? '1', commandPathOf(command));
        const { runDiff } = await import('./run-diff.js');
        await runDiff(factory, {
          filename: flags.filename ?? [],
          ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
          recursive: flags.recursive === true,
          serverSide,
          forceConflicts: flags.forceConflicts === true,
          fieldManager:
            flags.fieldManager ?? (serverSide ? 'kubectl' : 'kubectl-client-side-apply'),
          showSecrets: flags.showSecret === true,
          showManagedFields: flags.showManagedFields === true,
          selector: flags.selector ?? '',
          prune: flags.prune === true,
          pruneAllowlist: flags.pruneAllowlist ?? [],
          concurrency,
        });
      }),
    HELP,
  );
}

/** --concurrency as pflag's int; a bad value is a usage error, exit 2 as all of diff's errors. */
function concurrencyOf(value: string, commandPath: string): number {
  if (/^[+-]?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  const problem = intProblem(value, /^[+-]?\d+$/.test(value));
  const error = new UsageError(
    `invalid argument "${value}" for "--concurrency" flag: ${problem}`,
    commandPath,
  );
  throw new RaisedExitCode(error, 1);
}

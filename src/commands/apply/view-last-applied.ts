/**
 * `ktl apply view-last-applied`: print the last-applied-configuration annotation of objects, as
 * kubectl's apply/apply_view_last_applied.go does it.
 */
import { Command } from 'commander';
import { UsageError } from '../../errors/errors.js';
import { toKubectlYamlSync } from '../../printers/yaml-text.js';
import {
  allWithNonEmptySelector,
  DEFAULT_CHUNK_SIZE,
  hasFilenames,
  ResourceBuilder,
  selectorNeedsResource,
} from '../../resources/builder/index.js';
import { LAST_APPLIED_ANNOTATION } from '../../resources/patch/last-applied.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { commandPathOf, factoryFor } from '../../runtime/command-context.js';
import { withHelp } from '../../runtime/command-help.js';
import { collect } from '../../runtime/flag-values.js';
import { flagsWithGroup } from '../../runtime/group-flags.js';
import { goJson } from '../../util/go-json.js';

interface ViewFlags {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  selector?: string;
  all?: boolean;
  output: string;
}

const HELP = {
  long: `View the latest last-applied-configuration annotations by type/name or file.

 The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.`,
  example: `# View the last-applied-configuration annotations by type/name in YAML
ktl apply view-last-applied deployment/nginx

# View the last-applied-configuration annotations by file in JSON
ktl apply view-last-applied -f deploy.yaml -o json`,
  usage: '(TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
};

/** `ktl apply view-last-applied`. */
export function newViewLastAppliedCommand(context: CommandContext): Command {
  const command = new Command('view-last-applied')
    .description('View the latest last-applied-configuration annotations of a resource/object')
    .argument('[args...]')
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option(
      '-f, --filename <file>',
      'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
      collect,
    )
    .option(
      '-k, --kustomize <dir>',
      "Process the kustomization directory. This flag can't be used together with -f or -R.",
    )
    .option('-o, --output <format>', 'Output format. Must be one of (yaml, json)', 'yaml')
    .option(
      '-R, --recursive',
      'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    )
    .option(
      '-l, --selector <selector>',
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    )
    .action(async (args: string[], _opts: object, invoked: Command) => {
      await runView(context, invoked, args, flagsWithGroup<ViewFlags>(invoked));
    });
  return withHelp(command, HELP);
}

async function runView(
  context: CommandContext,
  command: Command,
  args: string[],
  flags: ViewFlags,
): Promise<void> {
  if (!['yaml', 'json'].includes(flags.output))
    throw new UsageError(
      `Unexpected -o output mode: ${flags.output}, the flag 'output' must be one of yaml|json`,
      commandPathOf(command),
    );
  const factory = factoryFor(context, command);
  // kubectl sets an (empty) label selector here, which --all then refuses; -f skips both.
  if (!hasFilenames(flags)) {
    if (args.length === 0 && (flags.all === true || flags.selector !== undefined))
      throw selectorNeedsResource();
    if (flags.all === true) throw allWithNonEmptySelector();
  }
  // A bare TYPE means every object of it (kubectl's always-set empty selector).
  const infos = await new ResourceBuilder(factory)
    .filenameParam(flags)
    .labelSelectorParam(flags.selector)
    .resourceTypeOrNameArgs(args, true)
    .requestChunksOf(DEFAULT_CHUNK_SIZE)
    .infos();
  // kubectl reads every object before printing: one error and nothing is printed.
  const firstError = (infos.inOrder ?? []).find((item) => item instanceof Error) ?? infos.errors[0];
  if (firstError) throw firstError;
  for (const item of infos.objects) {
    // An object without the annotation prints nothing: kubectl's AddSourceToErr of a nil error.
    const text = item.object.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    if (!text) continue;
    const config: unknown = JSON.parse(text);
    factory.streams.out.write(
      flags.output === 'json' ? `${goJson(config, 2)}\n` : toKubectlYamlSync(config),
    );
  }
}

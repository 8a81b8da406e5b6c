/**
 * `ktl apply set-last-applied -f FILE`: set each live object's last-applied-configuration
 * annotation to the file's object, as kubectl's apply/apply_set_last_applied.go does it.
 */
import { Command } from 'commander';
import { PlainError } from '../../errors/errors.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { toKubectlYamlSync } from '../../printers/yaml-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { manifestInfos, NoResourcesError, ResourceBuilder } from '../../resources/builder/index.js';
import { LAST_APPLIED_ANNOTATION } from '../../resources/patch/last-applied.js';
import { kindGroupName, objectPath } from '../../resources/resource-ref.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import { flagDefaults, stringDefault, withHelp } from '../../runtime/command-help.js';
import type { Factory } from '../../runtime/factory.js';
import { collect } from '../../runtime/flag-values.js';
import { flagsWithGroup } from '../../runtime/group-flags.js';
import type { DryRunStrategy } from '../../runtime/mutation-flags.js';
import { dryRunStrategy, dryRunSuffix } from '../../runtime/mutation-flags.js';
import { goJson, sortKeysDeep } from '../../util/go-json.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { checkResultOutput } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { effectiveOutput, templatePrinter } from '../../runtime/template-output.js';
import type { KubeObject } from '../../resources/kube-object.js';

interface SetFlags extends PrintFlagValues {
  filename?: string[];
  createAnnotation?: boolean;
  dryRun?: string | boolean;
}

const HELP = {
  long: `Set the latest last-applied-configuration annotations by setting it to match the contents of a file. This results in the last-applied-configuration being updated as though 'kubectl apply -f<file> ' was run, without updating any other parts of the object.`,
  example: `# Set the last-applied-configuration of a resource to match the contents of a file
ktl apply set-last-applied -f deploy.yaml

# Execute set-last-applied against each configuration file in a directory
ktl apply set-last-applied -f path/

# Set the last-applied-configuration of a resource to match the contents of a file; will create the annotation if it does not already exist
ktl apply set-last-applied -f deploy.yaml --create-annotation=true`,
  usage: '-f FILENAME',
};

/** `ktl apply set-last-applied`. */
export function newSetLastAppliedCommand(context: CommandContext): Command {
  const command = new Command('set-last-applied')
    .description(
      'Set the last-applied-configuration annotation on a live object to match the contents of a file',
    )
    .argument('[args...]')
    .option(
      '--create-annotation',
      "Will create 'last-applied-configuration' annotations if current objects doesn't have one",
    )
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client".')
    .option(
      '-f, --filename <file>',
      'Filename, directory, or URL to files that contains the last-applied-configuration annotations',
      collect,
    )
    .action(async (_args: string[], _opts: object, invoked: Command) => {
      await runSet(context, invoked, flagsWithGroup<SetFlags>(invoked));
    });
  addPrintFlags(command);
  flagDefaults(command, { 'dry-run': stringDefault('none') });
  return withHelp(command, HELP);
}

interface PlannedPatch {
  entry: ManifestInfo;
  annotation: string;
}

async function runSet(context: CommandContext, command: Command, flags: SetFlags): Promise<void> {
  const factory = factoryFor(context, command);
  const dryRun = dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text));
  checkResultOutput(flags); // kubectl's ToPrinter in Complete, before any object is read
  // Only -f names objects: kubectl ignores arguments here.
  if ((flags.filename ?? []).length === 0) throw new NoResourcesError();
  const manifests = await new ResourceBuilder(factory)
    .filenameParam({ filename: flags.filename ?? [] })
    .readManifests();
  // kubectl checks every object before patching any.
  const patches: PlannedPatch[] = [];
  for (const entry of await manifestInfos(factory, manifests)) {
    const planned = await planPatch(factory, entry, flags.createAnnotation === true);
    if (planned) patches.push(planned);
  }
  for (const [index, patch] of patches.entries())
    await applyPatch(factory, patch, dryRun, flags, index > 0);
}

async function planPatch(
  factory: Factory,
  entry: ManifestInfo,
  create: boolean,
): Promise<PlannedPatch | undefined> {
  const mapping = entry.mapping;
  if (!mapping) throw entry.mappingError ?? new PlainError(`no mapping for ${entry.name}`);
  const client = await factory.client();
  const live = await client.json<{ metadata?: { annotations?: Record<string, string> } }>({
    method: 'GET',
    path: objectPath(mapping, entry.name, entry.namespace || undefined),
  });
  const current = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (current === undefined && !create)
    throw new PlainError(
      `no last-applied-configuration annotation found on resource: ${entry.name}, to create the annotation, run the command with --create-annotation`,
    );
  // runtime.Encode of the file's object: Go's JSON with sorted keys and a final newline.
  const annotation = `${goJson(sortKeysDeep(entry.object))}\n`;
  if (current === annotation) {
    factory.streams.out.write(`set-last-applied ${entry.name}: no changes required.\n`);
    return undefined;
  }
  return { entry, annotation };
}

async function applyPatch(
  factory: Factory,
  { entry, annotation }: PlannedPatch,
  dryRun: DryRunStrategy,
  printFlags: PrintFlagValues,
  separate: boolean,
): Promise<void> {
  const mapping = entry.mapping;
  if (!mapping) return;
  const body = { metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: annotation } } };
  let result: unknown = entry.object;
  if (dryRun !== 'client') {
    const client = await factory.client();
    result = await client.json({
      method: 'PATCH',
      path: objectPath(mapping, entry.name, entry.namespace || undefined),
      body: JSON.stringify(body),
      contentType: 'application/merge-patch+json',
      // kubectl sets no field manager: the server names it after kubectl's user agent.
      query: { fieldManager: 'kubectl', dryRun: dryRun === 'server' ? 'All' : undefined },
    });
  }
  const out = factory.streams.out;
  const ref = `${kindGroupName(mapping)}/${entry.name}`;
  const output = effectiveOutput(printFlags);
  // json and yaml hide managedFields unless --show-managed-fields; templates see them
  const shown = printFlags.showManagedFields ? result : withoutManagedFields(result);
  const template = templatePrinter(printFlags, (text) => out.write(text));
  if (template) template.single(result as KubeObject);
  else if (output === 'json') out.write(toKubectlJson(shown));
  // one YAML printer for every object: documents after the first start with ---
  else if (output === 'yaml') out.write(`${separate ? '---\n' : ''}${toKubectlYamlSync(shown)}`);
  else if (output === 'name') out.write(`${ref}\n`);
  else out.write(`${ref} configured${dryRunSuffix(dryRun)}\n`);
}

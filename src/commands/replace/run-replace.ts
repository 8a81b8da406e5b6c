import { AggregateCliError, ApiStatusError, PlainError } from '../../errors/errors.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { manifestInfos, metadataOf, ResourceBuilder } from '../../resources/builder/index.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { modifiedConfiguration } from '../../resources/patch/last-applied.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { objectPath } from '../../resources/resource-ref.js';
import { validateBeforeApply } from '../../runtime/apply/validate-step.js';
import type { Factory } from '../../runtime/factory.js';
import type { DryRunStrategy, ValidateMode } from '../../runtime/mutation-flags.js';
import { dryRunStrategy, fieldValidationOf, parseValidate } from '../../runtime/mutation-flags.js';
import { ResultPrinter } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { effectiveOutput } from '../../runtime/template-output.js';
import { cascadeFromFlag } from '../../runtime/cascade-flag.js';
import { durationFlag, intFlag } from '../../runtime/flag-values.js';
import { checkRawFlags, runRawReplace } from './raw-replace.js';
import type { ForceSettings } from './force-replace.js';
import { forceReplace } from './force-replace.js';

/** The flags `ktl replace` reads. */
export interface ReplaceFlags extends PrintFlagValues {
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
  dryRun?: string | boolean;
  validate?: string | boolean;
  fieldManager?: string;
  saveConfig?: boolean;
  subresource?: string;
  raw?: string;
  force?: boolean;
  gracePeriod?: string;
  cascade?: string | boolean;
  timeout?: string;
  wait?: string | boolean;
}

interface ReplaceSettings {
  dryRun: DryRunStrategy;
  validate: ValidateMode;
  fieldManager: string;
  saveConfig: boolean;
  subresource: string | undefined;
}

/**
 * `ktl replace -f`: kubectl's ReplaceOptions.Run. Each object read is PUT as it is (its
 * resourceVersion kept, so a stale one is the server's Conflict); errors for one object do not
 * stop the others and are worded "error when replacing <file>".
 */
export async function runReplace(factory: Factory, flags: ReplaceFlags): Promise<void> {
  const { settings, force } = readSettings(factory, flags);
  if (flags.raw) {
    checkRawFlags(flags.raw, flags);
    await runRawReplace(factory, flags.raw, flags.filename?.[0] ?? '-');
    return;
  }
  const printer = new ResultPrinter(factory.streams.out, flags, settings.dryRun);
  const manifests = await new ResourceBuilder(factory)
    .filenameParam({
      filename: flags.filename ?? [],
      recursive: flags.recursive === true,
      ...(flags.kustomize !== undefined ? { kustomize: flags.kustomize } : {}),
    })
    .readManifests();
  const planned = await manifestInfos(factory, manifests);
  await validateBeforeApply(factory, planned, factory.schemas(), settings.validate);
  if (flags.force) {
    await forceReplace(factory, planned, { ...settings, ...force }, printer, (object) =>
      withoutResourceVersion(savedConfig(object, settings.saveConfig)),
    );
    return;
  }
  const errors: Error[] = [];
  for (const entry of planned) {
    try {
      await replaceOne(factory, entry, settings, printer);
    } catch (error) {
      errors.push(replacingError(entry, error));
    }
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

/**
 * The flags checked in kubectl's order (pflag values, --cascade, -f/-k, then Validate's
 * --force pairings), before anything is read or sent.
 */
function readSettings(
  factory: Factory,
  flags: ReplaceFlags,
): { settings: ReplaceSettings; force: Omit<ForceSettings, keyof ReplaceSettings> } {
  const gracePeriod = intFlag('--grace-period', flags.gracePeriod ?? '-1', 'ktl replace');
  const timeoutMs = durationFlag('--timeout', flags.timeout ?? '0s', 'ktl replace');
  const cascade = cascadeFromFlag(flags.cascade);
  if ((flags.filename ?? []).length === 0 && !flags.kustomize)
    throw new PlainError('must specify one of -f and -k');
  if (gracePeriod >= 0 && !flags.force)
    throw new PlainError('--grace-period must have --force specified');
  if (timeoutMs !== 0 && !flags.force)
    throw new PlainError('--timeout must have --force specified');
  const settings: ReplaceSettings = {
    dryRun: dryRunStrategy(flags.dryRun, (text) => factory.streams.err.write(text)),
    validate: parseValidate(flags.validate),
    fieldManager: flags.fieldManager ?? 'kubectl-replace',
    saveConfig: flags.saveConfig === true,
    subresource: flags.subresource,
  };
  if (flags.force && settings.dryRun !== 'none')
    throw new PlainError('--dry-run can not be used when --force is set');
  return { settings, force: { cascade, gracePeriod, timeoutMs, output: effectiveOutput(flags) } };
}

async function replaceOne(
  factory: Factory,
  entry: ManifestInfo,
  settings: ReplaceSettings,
  printer: ResultPrinter,
): Promise<void> {
  const mapping = entry.mapping;
  if (!mapping) throw entry.mappingError ?? new PlainError(`no mapping for ${entry.name}`);
  const object = savedConfig(entry.object, settings.saveConfig);
  if (settings.dryRun === 'client') {
    await printer.print(mapping, object, 'replaced');
    return;
  }
  const client = await factory.client();
  const base = objectPath(mapping, entry.name, entry.namespace || undefined);
  const path = settings.subresource ? `${base}/${settings.subresource}` : base;
  const sent = await withLiveResourceVersion(factory, path, object);
  const replaced = await client.json<KubeObject>({
    method: 'PUT',
    path,
    body: JSON.stringify(sent),
    contentType: 'application/json',
    query: {
      fieldManager: settings.fieldManager,
      fieldValidation: fieldValidationOf(settings.validate),
      dryRun: settings.dryRun === 'server' ? 'All' : undefined,
    },
  });
  await printer.print(mapping, replaced, 'replaced');
}

/**
 * resource.Helper.Replace with overwrite: an object without a resourceVersion takes the live
 * one (so the PUT overwrites whatever is there); one with a resourceVersion is sent as is.
 */
async function withLiveResourceVersion(
  factory: Factory,
  path: string,
  object: KubeObject,
): Promise<KubeObject> {
  const metadata = metadataOf(object);
  if (typeof metadata['resourceVersion'] === 'string' && metadata['resourceVersion'] !== '')
    return object;
  const client = await factory.client();
  const live = await client.json<KubeObject>({ method: 'GET', path });
  const resourceVersion = metadataOf(live)['resourceVersion'];
  if (typeof resourceVersion !== 'string') return object;
  return { ...object, metadata: { ...metadata, resourceVersion } };
}

/**
 * util.CreateOrUpdateAnnotation: with --save-config the object carries its own encoding (sorted
 * keys, `annotations: {}`) as the last-applied annotation, as apply would record it.
 */
function savedConfig(object: KubeObject, saveConfig: boolean): KubeObject {
  return saveConfig ? modifiedConfiguration(object as JsonObject).modified : object;
}

/** Helper.Create with modify: the server picks the resourceVersion of a new object. */
function withoutResourceVersion(object: KubeObject): KubeObject {
  const metadata = { ...metadataOf(object) };
  delete metadata['resourceVersion'];
  return { ...object, metadata };
}

/** cmdutil.AddSourceToErr("replacing", ...): the server's message with the file it came from. */
function replacingError(entry: ManifestInfo, error: unknown): Error {
  const file = entry.manifest.source.file;
  if (error instanceof ApiStatusError) {
    const message = `error when replacing "${file}": ${error.status.message ?? error.message}`;
    return new ApiStatusError({ ...error.status, message }, error.httpCode);
  }
  return error instanceof Error ? error : new PlainError(String(error));
}

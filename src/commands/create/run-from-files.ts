import { parseArgs } from 'node:util';
import { AggregateCliError, ApiStatusError, PlainError, UsageError } from '../../errors/errors.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { modifiedConfiguration } from '../../resources/patch/last-applied.js';
import { collectionPath } from '../../resources/resource-ref.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { manifestInfos, ResourceBuilder } from '../../resources/builder/index.js';
import { fieldValidationOf } from '../../runtime/mutation-flags.js';
import { editInEditor } from '../../runtime/edit/edit-loop.js';
import { editorFormat } from '../../runtime/edit/editor.js';
import type { EditPrinter } from '../../runtime/edit/edit-printer.js';
import { editPrinter } from '../../runtime/edit/edit-printer.js';
import { checkRawPath, sendRawFile } from '../../runtime/raw-file.js';
import { checkResultOutput, ResultPrinter } from '../../runtime/result-printer.js';
import type { PrintFlagValues } from '../../runtime/template-output.js';
import { validateBeforeApply } from '../../runtime/apply/validate-step.js';
import type { Factory } from '../../runtime/factory.js';

/** What `ktl create -f` was asked to do. */
export interface CreateFromFilesOptions extends PrintFlagValues {
  filename: string[];
  /** `-k DIR`: the objects of a kustomization. */
  kustomize?: string;
  recursive: boolean;
  dryRun: ApplyOptions['dryRun'];
  validate: ApplyOptions['validate'];
  fieldManager: string;
  /** -l: only the objects of the files it matches. */
  selector: string;
  saveConfig: boolean;
  /** --edit: each object opened in the editor, then created. */
  edit: boolean;
  windowsLineEndings: boolean;
  /** --raw PATH: the file POSTed to it as it is. */
  raw: string;
}

/** create's boolean flags: pflag takes `--edit=false` as well as `--edit`. */
const BOOLEANS = [
  'recursive',
  'edit',
  'save-config',
  'windows-line-endings',
  'show-managed-fields',
];

/** `--flag=true` to `--flag`, `--flag=false` dropped; a bare --allow-missing-template-keys is true. */
function normalizeBooleans(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const match = /^--([\w-]+)=(true|false)$/.exec(arg);
    if (match && BOOLEANS.includes(match[1] ?? '')) {
      if (match[2] === 'true') out.push(`--${match[1]}`);
    } else out.push(arg === '--allow-missing-template-keys' ? `${arg}=true` : arg);
  }
  return out;
}

/** Reads `create`'s own flags (-f, -R, -l, --dry-run, --validate, -o, --edit, --raw, ...). */
export function parseCreateFileArgs(args: string[]): CreateFromFilesOptions {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args: normalizeBooleans(args),
      allowPositionals: true,
      options: {
        filename: { type: 'string', short: 'f', multiple: true },
        kustomize: { type: 'string', short: 'k' },
        recursive: { type: 'boolean', short: 'R' },
        selector: { type: 'string', short: 'l' },
        'dry-run': { type: 'string' },
        validate: { type: 'string' },
        output: { type: 'string', short: 'o' },
        template: { type: 'string' },
        'show-managed-fields': { type: 'boolean' },
        'allow-missing-template-keys': { type: 'string' },
        'field-manager': { type: 'string' },
        'save-config': { type: 'boolean' },
        edit: { type: 'boolean' },
        'windows-line-endings': { type: 'boolean' },
        raw: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, 'ktl create');
  }
  const { values: parsed, positionals } = parsedArgs;
  const dryRun = parsed['dry-run'] ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun)) {
    throw new PlainError(
      `Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`,
    );
  }
  const validate = parsed.validate ?? 'strict';
  const mode = validate === 'true' ? 'strict' : validate === 'false' ? 'ignore' : validate;
  if (!['strict', 'warn', 'ignore'].includes(mode)) {
    throw new PlainError(
      `invalid - validate option "${validate}"; must be one of: strict (or true), warn, ignore (or false)`,
    );
  }
  const print: PrintFlagValues = {
    output: parsed.output ?? '',
    ...(parsed.template !== undefined ? { template: parsed.template } : {}),
    showManagedFields: parsed['show-managed-fields'] === true,
    allowMissingTemplateKeys: parsed['allow-missing-template-keys'] ?? true,
  };
  // kubectl's Complete makes the printer before anything is read or sent; ValidateArgs follows.
  checkResultOutput(print);
  if (positionals.length > 0)
    throw new UsageError(`Unexpected args: [${positionals.join(' ')}]`, 'ktl create');
  return {
    ...print,
    filename: parsed.filename ?? [],
    ...(parsed.kustomize !== undefined ? { kustomize: parsed.kustomize } : {}),
    recursive: parsed.recursive === true,
    dryRun: dryRun as CreateFromFilesOptions['dryRun'],
    validate: mode as CreateFromFilesOptions['validate'],
    fieldManager: parsed['field-manager'] ?? 'kubectl-create',
    selector: parsed.selector ?? '',
    saveConfig: parsed['save-config'] === true,
    edit: parsed.edit === true,
    windowsLineEndings: parsed['windows-line-endings'] === true,
    raw: parsed.raw ?? '',
  };
}

/** kubectl's ValidateArgs for --raw, in its order. */
function checkRawFlags(options: CreateFromFilesOptions): void {
  if (options.edit) throw new PlainError('--raw and --edit are mutually exclusive');
  const [file] = options.filename;
  if (options.filename.length !== 1 || file === undefined)
    throw new PlainError('--raw can only use a single local file or stdin');
  if (file.startsWith('http://') || file.startsWith('https://'))
    throw new PlainError('--raw cannot read from a url');
  if (options.recursive) throw new PlainError('--raw and --recursive are mutually exclusive');
  if (options.selector) throw new PlainError('--raw and --selector (-l) are mutually exclusive');
  if (options.output) throw new PlainError('--raw and --output are mutually exclusive');
  checkRawPath(options.raw);
}

/** kubectl's RawPost; the server names the field manager after kubectl's user agent. */
async function runRawCreate(factory: Factory, options: CreateFromFilesOptions): Promise<void> {
  checkRawFlags(options);
  const path = options.raw;
  const named = new URLSearchParams(path.split('?')[1] ?? '').has('fieldManager');
  await sendRawFile(
    factory,
    'POST',
    path,
    options.filename[0] ?? '-',
    named ? undefined : { fieldManager: 'kubectl' },
  );
}

/**
 * `ktl create -f`: every object of the manifests, read and validated like apply's (nothing is
 * sent if a document is broken), then created one by one; errors for some objects do not stop
 * the others and are reported as kubectl words them ("error when creating <file>").
 */
export async function runCreateFromFiles(
  factory: Factory,
  options: CreateFromFilesOptions,
): Promise<void> {
  if (options.filename.length === 0 && !options.kustomize)
    throw new PlainError('must specify one of -f and -k');
  if (options.raw) return runRawCreate(factory, options);
  if (options.edit) return runEditOnCreate(factory, options);
  const manifests = await new ResourceBuilder(factory)
    .filenameParam(options)
    .labelSelectorParam(options.selector)
    .readManifests();
  if (manifests.length === 0) throw new PlainError('no objects passed to create');
  const planned = await manifestInfos(factory, manifests);
  await validateBeforeApply(factory, planned, factory.schemas(), options.validate);
  const printer = new ResultPrinter(factory.streams.out, options, options.dryRun);
  const errors: Error[] = [];
  for (const entry of planned) {
    try {
      await createOne(factory, entry, options, printer);
    } catch (error) {
      errors.push(creationError(entry, error));
    }
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

/**
 * kubectl's RunEditOnCreate: each object of the files (no -l, no dry run) opened in the editor
 * on its own, then created with the field manager kubectl-create; an unchanged file creates
 * nothing. Errors are collected and reported after the last object.
 */
async function runEditOnCreate(factory: Factory, options: CreateFromFilesOptions): Promise<void> {
  const planned = await new ResourceBuilder(factory).filenameParam(options).manifestInfos();
  const json = editorFormat(options.output) === 'json';
  const printer = editPrinter(factory.streams.out, options);
  const errors: Error[] = [];
  for (const entry of planned) {
    const mapping = entry.mapping;
    if (!mapping) throw entry.mappingError ?? new PlainError(`no mapping for ${entry.name}`);
    const target = { mapping, name: entry.name, namespace: entry.namespace, object: entry.object };
    try {
      await editInEditor(
        factory,
        [target],
        { json, windowsLineEndings: false, header: 'object' },
        async (_pending, edited) => {
          for (const object of edited) await createEdited(factory, options, printer, object);
          return { failed: [], errors: [] };
        },
      );
    } catch (error) {
      errors.push(error as Error);
    }
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

/** visitToCreate for one edited object: its own kind and namespace, --save-config applied. */
async function createEdited(
  factory: Factory,
  options: CreateFromFilesOptions,
  printer: EditPrinter,
  edited: KubeObject,
): Promise<void> {
  const [entry] = await manifestInfos(factory, [
    {
      object: edited,
      source: { file: 'edited-file', document: 1, itemPath: [], positions: new Map() },
    },
  ]);
  const mapping = entry?.mapping;
  if (!entry || !mapping) throw entry?.mappingError ?? new PlainError('no mapping');
  const object = options.saveConfig ? savedConfig(entry.object) : entry.object;
  const client = await factory.client();
  const created = await client.json<KubeObject>({
    method: 'POST',
    path: collectionPath(mapping, entry.namespace || undefined),
    body: JSON.stringify(object),
    contentType: 'application/json',
    query: { fieldManager: 'kubectl-create', fieldValidation: fieldValidationOf(options.validate) },
  });
  await printer(mapping, created, 'created');
}

/** util.CreateOrUpdateAnnotation with --save-config. */
function savedConfig(object: KubeObject): KubeObject {
  return modifiedConfiguration(object as JsonObject).modified as KubeObject;
}

async function createOne(
  factory: Factory,
  entry: ManifestInfo,
  options: CreateFromFilesOptions,
  printer: ResultPrinter,
): Promise<void> {
  const mapping = entry.mapping;
  if (!mapping) throw entry.mappingError ?? new PlainError(`no mapping for ${entry.name}`);
  const object = options.saveConfig ? savedConfig(entry.object) : entry.object;
  let created = object;
  if (options.dryRun !== 'client') {
    const client = await factory.client();
    created = await client.json({
      method: 'POST',
      path: collectionPath(mapping, entry.namespace || undefined),
      body: JSON.stringify(object),
      contentType: 'application/json',
      query: {
        fieldManager: options.fieldManager,
        fieldValidation: fieldValidationOf(options.validate),
        dryRun: options.dryRun === 'server' ? 'All' : undefined,
      },
    });
  }
  await printer.print(mapping, created, 'created');
}

function creationError(entry: ManifestInfo, error: unknown): Error {
  const file = entry.manifest.source.file;
  if (error instanceof ApiStatusError) {
    const message = `error when creating "${file}": ${error.status.message ?? error.message}`;
    return new ApiStatusError({ ...error.status, message }, error.httpCode);
  }
  return error instanceof Error ? error : new PlainError(String(error));
}

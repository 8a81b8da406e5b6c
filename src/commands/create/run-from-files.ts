import { parseArgs } from 'node:util';
import { AggregateCliError, ApiStatusError, PlainError, UsageError } from '../../errors/errors.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import { collectionPath, kindGroupName } from '../../resources/resource-ref.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { manifestInfos, ResourceBuilder } from '../../resources/builder/index.js';
import { dryRunSuffix, fieldValidationOf } from '../../runtime/mutation-flags.js';
import { validateBeforeApply } from '../../runtime/apply/validate-step.js';
import type { Factory } from '../../runtime/factory.js';

/** What `ktl create -f` was asked to do. */
export interface CreateFromFilesOptions {
  filename: string[];
  /** `-k DIR`: the objects of a kustomization. */
  kustomize?: string;
  recursive: boolean;
  dryRun: ApplyOptions['dryRun'];
  validate: ApplyOptions['validate'];
  output: '' | 'json' | 'yaml' | 'name';
  fieldManager: string;
}

/** Reads `create`'s own flags (-f, -R, --dry-run, --validate, -o, --field-manager). */
export function parseCreateFileArgs(args: string[]): CreateFromFilesOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        filename: { type: 'string', short: 'f', multiple: true },
        kustomize: { type: 'string', short: 'k' },
        recursive: { type: 'boolean', short: 'R' },
        'dry-run': { type: 'string' },
        validate: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'field-manager': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, 'ktl create');
  }
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
  const output = parsed.output ?? '';
  if (!['', 'json', 'yaml', 'name'].includes(output)) {
    throw new PlainError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`,
    );
  }
  return {
    filename: parsed.filename ?? [],
    ...(parsed.kustomize !== undefined ? { kustomize: parsed.kustomize } : {}),
    recursive: parsed.recursive === true,
    dryRun: dryRun as CreateFromFilesOptions['dryRun'],
    validate: mode as CreateFromFilesOptions['validate'],
    output: output as CreateFromFilesOptions['output'],
    fieldManager: parsed['field-manager'] ?? 'kubectl-create',
  };
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
  const manifests = await new ResourceBuilder(factory).filenameParam(options).readManifests();
  if (manifests.length === 0) throw new PlainError('no objects passed to create');
  const planned = await manifestInfos(factory, manifests);
  await validateBeforeApply(factory, planned, factory.schemas(), options.validate);
  const errors: Error[] = [];
  for (const entry of planned) {
    try {
      await createOne(factory, entry, options);
    } catch (error) {
      errors.push(creationError(entry, error));
    }
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

async function createOne(
  factory: Factory,
  entry: ManifestInfo,
  options: CreateFromFilesOptions,
): Promise<void> {
  const mapping = entry.mapping;
  if (!mapping) throw entry.mappingError ?? new PlainError(`no mapping for ${entry.name}`);
  let created = entry.object;
  if (options.dryRun !== 'client') {
    const client = await factory.client();
    created = await client.json({
      method: 'POST',
      path: collectionPath(mapping, entry.namespace || undefined),
      body: JSON.stringify(entry.object),
      contentType: 'application/json',
      query: {
        fieldManager: options.fieldManager,
        fieldValidation: fieldValidationOf(options.validate),
        dryRun: options.dryRun === 'server' ? 'All' : undefined,
      },
    });
  }
  const out = factory.streams.out;
  if (options.output === 'json') out.write(toKubectlJson(created));
  else if (options.output === 'yaml') out.write(await toKubectlYaml(created));
  else {
    const name = `${kindGroupName(mapping)}/${entry.name}`;
    out.write(
      options.output === 'name' ? `${name}\n` : `${name} created${dryRunSuffix(options.dryRun)}\n`,
    );
  }
}

function creationError(entry: ManifestInfo, error: unknown): Error {
  const file = entry.manifest.source.file;
  if (error instanceof ApiStatusError) {
    const message = `error when creating "${file}": ${error.status.message ?? error.message}`;
    return new ApiStatusError({ ...error.status, message }, error.httpCode);
  }
  return error instanceof Error ? error : new PlainError(String(error));
}

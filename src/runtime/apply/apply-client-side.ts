import { ApiStatusError, ConnectionError, ConnectionRefusedError } from '../../errors/errors.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { createThreeWayJsonMergePatch } from '../../resources/patch/json-merge-patch.js';
import { lastAppliedOf, modifiedConfiguration } from '../../resources/patch/last-applied.js';
import { PatchSchema } from '../../resources/patch/patch-meta.js';
import { createThreeWayMergePatch } from '../../resources/patch/smp-three-way.js';
import { collectionPath, objectPath } from '../../resources/resource-ref.js';
import { findKindSchema } from '../../resources/validation/schema-types.js';
import { locatedWarnings } from './apply-report.js';
import { deleteAndCreate } from './force-recreate.js';
import type { ApplyContext, ApplyOutcome } from './apply-context.js';
import type { ManifestInfo } from '../../resources/builder/index.js';
import { fieldValidationOf } from '../mutation-flags.js';
import { acceptsStrategicMerge } from '../schema-source.js';
import { klogLine } from '../../util/klog.js';

const MAX_CONFLICT_RETRIES = 5;

/**
 * kubectl's client-side apply of one object: create it with the last-applied annotation when
 * missing, otherwise send the three-way patch (strategic merge for built-in kinds, JSON merge
 * for custom resources), retrying conflicts with a fresh GET.
 */
export async function applyClientSide(
  entry: ManifestInfo,
  context: ApplyContext,
): Promise<ApplyOutcome> {
  const annotate = context.annotate !== false;
  const { modified } = modifiedConfiguration(entry.object as JsonObject, annotate);
  for (let attempt = 0; ; attempt++) {
    const live = await getLive(entry, context);
    if (!live) return create(entry, context, annotate ? modified : (entry.object as JsonObject));
    // kubectl computes no patch under --dry-run=client: an existing object is always
    // "configured (dry run)" and -o yaml|json shows it as it is live (apply.go).
    if (context.options.dryRun === 'client') return { operation: 'configured', result: live, live };
    const lock = context.lockToLive === true && attempt < MAX_CONFLICT_RETRIES;
    if (context.lockToLive && !lock) context.warn(keepsChangingWarning(entry));
    try {
      return { ...(await patchLive(entry, context, live, modified, lock)), live };
    } catch (error) {
      const conflict = error instanceof ApiStatusError && error.reason === 'Conflict';
      if (conflict && attempt < MAX_CONFLICT_RETRIES) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      // --force: what cannot be patched (an immutable field, endless conflicts) is deleted
      // and created again, as kubectl's Patcher.deleteAndCreate
      const invalid = error instanceof ApiStatusError && error.reason === 'Invalid';
      if (context.options.force && (conflict || invalid))
        return { ...(await deleteAndCreate(entry, context, live, modified)), live };
      throw error;
    }
  }
}

async function getLive(
  entry: ManifestInfo,
  context: ApplyContext,
): Promise<JsonObject | undefined> {
  try {
    return await context.client.json<JsonObject>({
      path: objectPath(entry.mapping!, entry.name, entry.namespace),
    });
  } catch (error) {
    if (error instanceof ApiStatusError && error.isNotFound) return undefined;
    // --dry-run=client works offline: with no server, every object reads as new.
    const offline = error instanceof ConnectionRefusedError || error instanceof ConnectionError;
    if (offline && context.options.dryRun === 'client') return undefined;
    throw error;
  }
}

function writeQuery(
  context: ApplyContext,
  fieldManager: string,
): Record<string, string | undefined> {
  return {
    fieldManager,
    fieldValidation: fieldValidationOf(context.options.validate),
    dryRun: context.options.dryRun === 'server' ? 'All' : undefined,
  };
}

async function create(
  entry: ManifestInfo,
  context: ApplyContext,
  modified: JsonObject,
): Promise<ApplyOutcome> {
  if (context.options.dryRun === 'client') return { operation: 'created', result: modified };
  const result = await context.client.json<JsonObject>({
    method: 'POST',
    path: collectionPath(entry.mapping!, entry.namespace),
    query: writeQuery(context, context.options.fieldManager),
    contentType: 'application/json',
    body: JSON.stringify(modified),
    onWarning: locatedWarnings(entry, context.warn),
  });
  return { operation: 'created', result };
}

async function patchLive(
  entry: ManifestInfo,
  context: ApplyContext,
  live: JsonObject,
  modified: JsonObject,
  lock: boolean,
): Promise<ApplyOutcome> {
  const mapping = entry.mapping!;
  const original = lastAppliedOf(live);
  if (!original && context.annotate !== false)
    context.warn(
      `Warning: resource ${groupResource(mapping)}/${entry.name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  const gvk = { group: mapping.group, version: mapping.version, kind: mapping.kind };
  const document = await context.schemas.document(mapping.group, mapping.version);
  const strategic = acceptsStrategicMerge(document, gvk);
  let patch: JsonObject;
  let schema = PatchSchema.none();
  if (strategic && document) {
    const kindSchema = findKindSchema(document, gvk);
    schema = new PatchSchema(kindSchema?.schema, document);
    patch = createThreeWayMergePatch(original, modified, live, schema);
  } else patch = createThreeWayJsonMergePatch(original, modified, live);
  if (Object.keys(patch).length === 0) return { operation: 'unchanged', result: live };
  if (lock) withResourceVersion(patch, live);
  const result = await context.client.json<JsonObject>({
    method: 'PATCH',
    path: objectPath(mapping, entry.name, entry.namespace),
    query: writeQuery(context, context.options.fieldManager),
    contentType: strategic
      ? 'application/strategic-merge-patch+json'
      : 'application/merge-patch+json',
    body: JSON.stringify(patch),
    onWarning: locatedWarnings(entry, context.warn),
  });
  return { operation: 'configured', result };
}

/** kubectl's addResourceVersion: the live object's resourceVersion as a precondition. */
function withResourceVersion(patch: JsonObject, live: JsonObject): void {
  const liveMeta = live['metadata'] as JsonObject | undefined;
  const version = liveMeta?.['resourceVersion'];
  if (typeof version !== 'string') return;
  const metadata = patch['metadata'];
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata))
    metadata['resourceVersion'] = version;
  else patch['metadata'] = { resourceVersion: version };
}

/** kubectl diff's klog warning when it gives up locking an object that keeps changing. */
function keepsChangingWarning(entry: ManifestInfo): string {
  const { group, version, kind } = entry.mapping!;

  const gvk = `${group ? `${group}/` : '/'}${version}, Kind=${kind}`;
  return klogLine(
    'W',
    'diff.go:404',
    `Object (${gvk}: ${entry.name}) keeps changing, diffing without lock`,
  );
}

/** `deployments.apps` (GroupResource.String()). */
export function groupResource(mapping: { resource: string; group: string }): string {
  return mapping.group ? `${mapping.resource}.${mapping.group}` : mapping.resource;
}

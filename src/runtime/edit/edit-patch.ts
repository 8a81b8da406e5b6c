import type { ResourceMapping } from '../../discovery/index.js';
import { PlainError } from '../../errors/errors.js';
import { createMergePatch } from '../../resources/patch/json-merge-patch.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { isJsonObject } from '../../resources/patch/json-value.js';
import { PatchSchema } from '../../resources/patch/patch-meta.js';
import { diffMaps } from '../../resources/patch/smp-diff.js';
import { findKindSchema } from '../../resources/validation/schema-types.js';
import type { SchemaSource } from '../schema-source.js';
import { inKubectlScheme } from '../../resources/pods/kubectl-scheme.js';

/** A patch and its content type. */
export interface EditPatch {
  body: JsonObject;
  contentType: 'application/strategic-merge-patch+json' | 'application/merge-patch+json';
}

/** The error kubectl gives when the edit touched a key its preconditions guard. */
export const CHANGED_IDENTITY = 'At least one of apiVersion, kind and name was changed';

/** mergepatch.RequireKeyUnchanged / RequireMetadataKeyUnchanged as editoptions lists them. */
function preconditionsHold(patch: JsonObject): boolean {
  if ('apiVersion' in patch || 'kind' in patch || 'managedFields' in patch) return false;
  const metadata = patch['metadata'];
  return !(isJsonObject(metadata) && 'name' in metadata);
}

/**
 * The patch kubectl edit sends (editoptions.visitToPatch): a two-way strategic merge patch
 * (with $setElementOrder) for the types compiled into kubectl, a JSON merge patch for others.
 */
export async function editPatch(
  schemas: SchemaSource,
  mapping: ResourceMapping,
  original: JsonObject,
  edited: JsonObject,
): Promise<EditPatch> {
  if (!inKubectlScheme(mapping.group)) {
    const body = createMergePatch(original, edited);
    if (!preconditionsHold(body)) throw new PlainError(CHANGED_IDENTITY);
    return { body, contentType: 'application/merge-patch+json' };
  }
  const body = diffMaps(original, edited, await patchSchema(schemas, mapping), {
    setElementOrder: true,
  });
  if (!preconditionsHold(body)) throw new PlainError(CHANGED_IDENTITY);
  return { body, contentType: 'application/strategic-merge-patch+json' };
}

/** The patch metadata of a kind from the server's OpenAPI v3 document (kubectl: Go struct tags). */
async function patchSchema(schemas: SchemaSource, mapping: ResourceMapping): Promise<PatchSchema> {
  const document = await schemas.document(mapping.group, mapping.version);
  const gvk = { group: mapping.group, version: mapping.version, kind: mapping.kind };
  const kindSchema = document ? findKindSchema(document, gvk) : undefined;
  return document && kindSchema ? new PatchSchema(kindSchema.schema, document) : PatchSchema.none();
}

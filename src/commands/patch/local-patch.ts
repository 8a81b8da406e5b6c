import type { ResourceMapping } from '../../discovery/index.js';
import type { JsonObject } from '../../resources/patch/json-value.js';
import { isJsonObject } from '../../resources/patch/json-value.js';
import { applyMergePatch } from '../../resources/patch/json-merge-patch.js';
import { PatchSchema } from '../../resources/patch/patch-meta.js';
import { applyStrategicPatch } from '../../resources/patch/smp-apply.js';
import { findKindSchema } from '../../resources/validation/schema-types.js';
import type { Factory } from '../../runtime/factory.js';
import { applyJsonPatch } from './json-patch.js';
import { PlainError } from '../../errors/errors.js';

/** What the server would make of the object after the patch (kubectl's --dry-run=client). */
export async function applyLocally(
  factory: Factory,
  mapping: ResourceMapping,
  object: JsonObject,
  patch: unknown,
  type: string,
): Promise<JsonObject> {
  if (type === 'json') return applyJsonPatch(object, patch);
  if (!isJsonObject(patch))
    throw new PlainError(
      'json: cannot unmarshal string into Go value of type map[string]interface {}',
    );
  if (type === 'merge') return applyMergePatch(object, patch) as JsonObject;
  const document = await factory.schemas().document(mapping.group, mapping.version);
  const gvk = { group: mapping.group, version: mapping.version, kind: mapping.kind };
  const kindSchema = document ? findKindSchema(document, gvk) : undefined;
  const schema =
    document && kindSchema ? new PatchSchema(kindSchema.schema, document) : PatchSchema.none();
  return applyStrategicPatch(object, patch, schema);
}

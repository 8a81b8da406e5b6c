import type { ResourceMapping } from '../discovery/index.js';
import { PatchSchema } from '../resources/patch/patch-meta.js';
import { findKindSchema } from '../resources/validation/schema-types.js';
import type { SchemaSource } from './schema-source.js';

/**
 * The strategic-merge-patch metadata of a kind (merge keys, strategies) from the server's
 * OpenAPI v3 document, where kubectl reads its Go struct tags; none when the server has none.
 */
export async function patchSchemaFor(
  schemas: SchemaSource,
  mapping: ResourceMapping,
): Promise<PatchSchema> {
  const document = await schemas.document(mapping.group, mapping.version);
  const gvk = { group: mapping.group, version: mapping.version, kind: mapping.kind };
  const kindSchema = document ? findKindSchema(document, gvk) : undefined;
  return document && kindSchema ? new PatchSchema(kindSchema.schema, document) : PatchSchema.none();
}

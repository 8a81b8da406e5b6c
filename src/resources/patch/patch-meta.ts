import type { OpenApiDocument, OpenApiSchema } from '../validation/schema-types.js';
import { resolveSchema } from '../validation/schema-types.js';

/** How a field is patched: its strategies (merge, retainKeys, replace) and list merge key. */
export interface PatchMeta {
  strategies: string[];
  mergeKey: string;
}

/**
 * Schema navigation for strategic merge patch (strategicpatch.LookupPatchMeta over OpenAPI v3):
 * for a field of the current object, the schema of its value (element schema for lists and
 * maps) and its patch strategy. Fields the schema does not describe have no strategy.
 */
export class PatchSchema {
  private readonly schema: OpenApiSchema | undefined;
  private readonly document: OpenApiDocument;

  constructor(schema: OpenApiSchema | undefined, document: OpenApiDocument) {
    this.schema = schema ? resolveSchema(schema, document).schema : undefined;
    this.document = document;
  }

  /** A schema-less navigator: every field merges maps and replaces lists (JSON-merge-like). */
  static none(): PatchSchema {
    return new PatchSchema(undefined, {});
  }

  /** The sub-schema and patch meta of a map-valued field. */
  forStruct(key: string): { schema: PatchSchema; meta: PatchMeta } {
    const field = this.field(key);
    if (!field) return { schema: PatchSchema.none(), meta: noMeta() };
    const resolved = resolveSchema(field, this.document).schema;
    return { schema: new PatchSchema(resolved, this.document), meta: metaOf(field, resolved) };
  }

  /** The element schema and patch meta of a list-valued field. */
  forSlice(key: string): { schema: PatchSchema; meta: PatchMeta } {
    const field = this.field(key);
    if (!field) return { schema: PatchSchema.none(), meta: noMeta() };
    const resolved = resolveSchema(field, this.document).schema;
    return {
      schema: new PatchSchema(resolved.items, this.document),
      meta: metaOf(field, resolved),
    };
  }

  private field(key: string): OpenApiSchema | undefined {
    if (!this.schema) return undefined;
    const direct = this.schema.properties?.[key];
    if (direct) return direct;
    const extra = this.schema.additionalProperties;
    return typeof extra === 'object' ? extra : undefined;
  }
}

function noMeta(): PatchMeta {
  return { strategies: [], mergeKey: '' };
}

function metaOf(field: OpenApiSchema, resolved: OpenApiSchema): PatchMeta {
  const strategy =
    field['x-kubernetes-patch-strategy'] ?? resolved['x-kubernetes-patch-strategy'] ?? '';
  const mergeKey =
    field['x-kubernetes-patch-merge-key'] ?? resolved['x-kubernetes-patch-merge-key'] ?? '';
  return { strategies: strategy === '' ? [] : strategy.split(','), mergeKey };
}

/** Splits strategies into retainKeys and the main strategy (extractRetainKeysPatchStrategy). */
export function splitStrategies(meta: PatchMeta): { retainKeys: boolean; strategy: string } {
  const retainKeys = meta.strategies.includes('retainKeys');
  const others = meta.strategies.filter((s) => s !== 'retainKeys');
  return { retainKeys, strategy: others[0] ?? '' };
}

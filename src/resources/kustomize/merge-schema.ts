/**
 * The merge keys strategic merge patches need for built-in kinds, from the Kubernetes schema
 * kustomize embeds (kyaml's v1.21.2 OpenAPI, generated into merge-keys.generated.ts). Only lists
 * whose patch strategy is `merge` carry keys; every other list is replaced by the patch's list,
 * and kinds the schema lacks (custom resources, kinds newer than 1.21) have no schema at all,
 * as in kustomize.
 */
import { parseApiVersion } from './gvk.js';
import { KIND_TYPES, MERGE_TYPES } from './merge-keys.generated.js';

/** A node of the schema: its fields, and for a merged list its keys and element schema. */
export interface MergeSchema {
  fields?: Record<string, MergeSchema>;
  /** Set on a list with patch strategy merge: its keys (empty for a list of scalars). */
  mergeKeys?: string[];
  items?: MergeSchema;
}

const built = new Map<string, MergeSchema>();

/** The merge schema of a generated type (built when first asked for, then shared). */
function typeSchema(name: string): MergeSchema {
  let schema = built.get(name);
  if (schema) return schema;
  schema = {};
  built.set(name, schema);
  const entries = MERGE_TYPES[name];
  if (!entries) return schema;
  const fields: Record<string, MergeSchema> = {};
  for (const [field, [below, mergeKeys]] of Object.entries(entries)) {
    if (mergeKeys === undefined) fields[field] = typeSchema(below);
    else fields[field] = below === '' ? { mergeKeys } : { mergeKeys, items: typeSchema(below) };
  }
  schema.fields = fields;
  return schema;
}

let custom: Record<string, MergeSchema> | undefined;

/** The schema of an object type, or undefined when kustomize has none (custom resources). */
export function schemaFor(apiVersion: string, kind: string): MergeSchema | undefined {
  const { group, version } = parseApiVersion(apiVersion);
  const key = group === '' ? `${version}/${kind}` : `${group}/${version}/${kind}`;
  if (custom) return custom[key];
  const type = KIND_TYPES[key];
  return type === undefined ? undefined : typeSchema(type);
}

/**
 * Replaces the built-in schema by one from a kustomization's `openapi: {path: ...}` for the
 * rest of a build (kustomize's openapi.SetSchema), or restores it (undefined).
 */
export function setCustomSchemas(schemas: Record<string, MergeSchema> | undefined): void {
  custom = schemas;
}

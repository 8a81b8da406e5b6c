import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import type { MergeSchema } from './merge-schema.js';

/**
 * Merge schemas from an OpenAPI (swagger v2) document given by a kustomization's `openapi:`
 * field: one per definition that names its group/version/kind, following $refs lazily (a
 * definition may refer to itself).
 */
export function schemasFromOpenApi(doc: JsonValue, file: string): Record<string, MergeSchema> {
  if (!isJsonObject(doc) || !isJsonObject(doc['definitions']))
    throw new KustomizeError(`${file}: an OpenAPI document with 'definitions' is expected`);
  const definitions = doc['definitions'];
  const cache = new Map<string, MergeSchema>();
  const result: Record<string, MergeSchema> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (!isJsonObject(definition)) continue;
    const gvks = definition['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const gvk of gvks) {
      if (!isJsonObject(gvk)) continue;
      const group = typeof gvk['group'] === 'string' ? gvk['group'] : '';
      const version = String(gvk['version'] ?? '');
      const kind = String(gvk['kind'] ?? '');
      result[group === '' ? `${version}/${kind}` : `${group}/${version}/${kind}`] = schemaOf(
        definition,
        definitions,
        cache,
        name,
      );
    }
  }
  return result;
}

function resolve(node: JsonObject, definitions: JsonObject): [JsonObject, string | undefined] {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return [node, undefined];
  const name = ref.replace(/^#\/definitions\//, '');
  const target = definitions[name];
  return [isJsonObject(target) ? target : {}, name];
}

/** A MergeSchema whose fields are computed when first read (definitions can be recursive). */
function schemaOf(
  node: JsonObject,
  definitions: JsonObject,
  cache: Map<string, MergeSchema>,
  name?: string,
): MergeSchema {
  const [resolved, refName] = resolve(node, definitions);
  const key = refName ?? name;
  if (key && cache.has(key)) return cache.get(key) as MergeSchema;
  const schema: MergeSchema = {};
  if (key) cache.set(key, schema);
  const strategy = String(
    node['x-kubernetes-patch-strategy'] ?? resolved['x-kubernetes-patch-strategy'] ?? '',
  );
  if (strategy.split(',').includes('merge')) {
    const mapKeys = node['x-kubernetes-list-map-keys'] ?? resolved['x-kubernetes-list-map-keys'];
    const mergeKey =
      node['x-kubernetes-patch-merge-key'] ?? resolved['x-kubernetes-patch-merge-key'];
    schema.mergeKeys = Array.isArray(mapKeys)
      ? mapKeys.map(String)
      : typeof mergeKey === 'string'
        ? [mergeKey]
        : [];
  }
  const items = resolved['items'];
  if (isJsonObject(items))
    Object.defineProperty(schema, 'items', {
      enumerable: true,
      get: () => schemaOf(items, definitions, cache),
    });
  const properties = resolved['properties'];
  const additional = resolved['additionalProperties'];
  if (isJsonObject(properties) || isJsonObject(additional)) {
    let fields: Record<string, MergeSchema> | undefined;
    Object.defineProperty(schema, 'fields', {
      enumerable: true,
      get: () => {
        fields ??= fieldsOf(properties, additional, definitions, cache);
        return fields;
      },
    });
  }
  return schema;
}

function fieldsOf(
  properties: JsonValue | undefined,
  additional: JsonValue | undefined,
  definitions: JsonObject,
  cache: Map<string, MergeSchema>,
): Record<string, MergeSchema> {
  const fields: Record<string, MergeSchema> = {};
  if (isJsonObject(properties))
    for (const [field, value] of Object.entries(properties))
      if (isJsonObject(value)) fields[field] = schemaOf(value, definitions, cache);
  if (isJsonObject(additional)) {
    const value = schemaOf(additional, definitions, cache);
    return new Proxy(fields, {
      get: (target, prop: string) => (prop in target ? target[prop] : value),
    });
  }
  return fields;
}

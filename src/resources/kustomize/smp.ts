import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import type { MergeSchema } from './merge-schema.js';

const DIRECTIVE = '$patch';

/**
 * kyaml's merge2 (what kustomize's strategic merge patches run): maps merge field by field,
 * `null` clears, `$patch: delete|replace` act on maps, lists merge by key only where the schema
 * says `merge` and are replaced otherwise. Null fields met on the way are dropped, as kyaml's
 * FieldSetter drops them. Returns undefined when the result is cleared.
 */
export function mergePatch(
  dest: JsonValue | undefined,
  src: JsonValue | undefined,
  schema: MergeSchema | undefined,
): JsonValue | undefined {
  const kindValue = [dest, src].find((v) => v !== undefined && v !== null);
  if (kindValue === undefined) return mergeMap(dest, src, schema);
  if (Array.isArray(kindValue)) {
    if (!isCompatible(dest, 'list')) return src;
    if (src !== undefined && src !== null && !Array.isArray(src)) return src;
    return schema?.mergeKeys ? mergeList(dest, src, schema) : src !== undefined ? src : dest;
  }
  if (isJsonObject(kindValue)) {
    if (!isCompatible(dest, 'map') || (src !== undefined && src !== null && !isJsonObject(src)))
      return src;
    return mergeMap(dest, src, schema);
  }
  if (isJsonObject(dest) || Array.isArray(dest)) return src;
  return src !== undefined ? nullToUndefined(src) : nullToUndefined(dest);
}

function isCompatible(value: JsonValue | undefined, kind: 'list' | 'map'): boolean {
  if (value === undefined || value === null) return true;
  return kind === 'list' ? Array.isArray(value) : isJsonObject(value);
}

function nullToUndefined(value: JsonValue | undefined): JsonValue | undefined {
  return value === null ? undefined : value;
}

function directiveOf(value: JsonValue | undefined): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const directive = value[DIRECTIVE];
  if (directive === undefined) return undefined;
  if (directive !== 'delete' && directive !== 'replace' && directive !== 'merge')
    throw new KustomizeError(`unknown patch strategy '${String(directive)}'`);
  return directive;
}

function withoutDirective(value: JsonObject): JsonObject {
  const copy = { ...value };
  delete copy[DIRECTIVE];
  return copy;
}

function mergeMap(
  dest: JsonValue | undefined,
  src: JsonValue | undefined,
  schema: MergeSchema | undefined,
): JsonValue | undefined {
  let base: JsonObject;
  let patch: JsonObject | undefined;
  if (dest === undefined || dest === null) {
    if (src === undefined || src === null) return undefined;
    const directive = directiveOf(src);
    if (directive === 'delete') return undefined;
    base = isJsonObject(src) ? withoutDirective(src) : {};
    patch = base;
  } else {
    if (src === null) return undefined;
    base = dest as JsonObject;
    patch = src === undefined ? undefined : (src as JsonObject);
    const directive = directiveOf(patch);
    if (directive === 'delete') return undefined;
    if (directive === 'replace') {
      base = withoutDirective(patch as JsonObject);
      patch = base;
    } else if (patch && directive === 'merge') patch = withoutDirective(patch);
  }
  const result: JsonObject = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(patch ?? {})]);
  for (const key of keys) {
    const merged = mergePatch(base[key], patch?.[key], schema?.fields?.[key]);
    if (merged !== undefined) result[key] = merged;
  }
  return result;
}

/** The key values of a list element (`''` where the element lacks the key). */
function keyValues(element: JsonValue, keys: string[]): string[] {
  if (!isJsonObject(element)) return keys.map(() => '');
  return keys.map((key) => {
    const value = element[key];
    return value === undefined || value === null ? '' : String(value);
  });
}

function findElement(list: JsonValue[], keys: string[], values: string[]): number {
  return list.findIndex((element) => {
    if (keys.length === 1 && keys[0] === '') return String(element) === values[0];
    const found = keyValues(element, keys);
    return keys.every((_, i) => found[i] === values[i]);
  });
}

/** validateKeys: only the keys with values, unless none has one. */
function validKeys(values: string[], keys: string[]): { keys: string[]; values: string[] } {
  const k: string[] = [];
  const v: string[] = [];
  values.forEach((value, i) => {
    if (value !== '') {
      k.push(keys[i] as string);
      v.push(value);
    }
  });
  return k.length === 0 ? { keys, values } : { keys: k, values: v };
}

function mergeList(
  destValue: JsonValue | undefined,
  srcValue: JsonValue | undefined,
  schema: MergeSchema,
): JsonValue | undefined {
  if (destValue === undefined || destValue === null) {
    if (srcValue === undefined || srcValue === null) return undefined;
    destValue = srcValue;
  } else if (srcValue === null) return undefined;
  const dest = [...(destValue as JsonValue[])];
  const src = srcValue === undefined ? [] : (srcValue as JsonValue[]);
  const keys = schema.mergeKeys ?? [];
  if (keys.length === 0) return mergeScalars(dest, src);
  // kustomize merges with ListIncreaseDirection=prepend: the patch's elements come first.
  const tuples: string[][] = [];
  const seen = new Set<string>();
  for (const element of [...src, ...dest]) {
    const values = keyValues(element, keys);
    const id = JSON.stringify(values);
    if (seen.has(id)) continue;
    seen.add(id);
    tuples.push(values);
  }
  const items: JsonValue[] = [];
  for (const tuple of tuples) {
    const valid = validKeys(tuple, keys);
    const di = findElement(dest, valid.keys, valid.values);
    const si = findElement(src, valid.keys, valid.values);
    const merged = mergePatch(
      di >= 0 ? dest[di] : undefined,
      si >= 0 ? src[si] : undefined,
      schema.items,
    );
    if (merged === undefined || (isJsonObject(merged) && Object.keys(merged).length === 0)) {
      if (di >= 0) dest.splice(di, 1);
      continue;
    }
    if (di >= 0) dest[di] = merged;
    const at = findElement(items, valid.keys, valid.values);
    if (at >= 0) items[at] = merged;
    else items.push(merged);
  }
  // Then what is left of the original goes in, matched by single keys only (kyaml skips
  // compound keys in a two-way merge).
  for (const tuple of tuples) {
    const valid = validKeys(tuple, keys);
    if (valid.keys.length > 1) continue;
    for (const element of dest) {
      const values = keyValues(element, valid.keys);
      if (values.every((v) => v === '')) {
        items.push(element);
        continue;
      }
      const at = findElement(items, valid.keys, values);
      if (at >= 0) items[at] = element;
      else items.push(element);
    }
  }
  return items.length === 0 ? undefined : items;
}

function mergeScalars(dest: JsonValue[], src: JsonValue[]): JsonValue | undefined {
  const result: JsonValue[] = [];
  const seen = new Set<string>();
  for (const value of [...src, ...dest]) {
    if (seen.has(String(value))) continue;
    seen.add(String(value));
    result.push(value);
  }
  return result.length === 0 ? undefined : result;
}

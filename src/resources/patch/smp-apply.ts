import type { JsonObject, JsonValue } from './json-value.js';
import { cloneJson, goString, isJsonObject, sameJsonType } from './json-value.js';
import type { PatchSchema } from './patch-meta.js';
import { splitStrategies } from './patch-meta.js';
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER_PREFIX,
} from './smp-diff.js';
import { normalizeMergedOrder } from './smp-order.js';

/**
 * Applies a strategic merge patch to an object as the API server would (used for
 * `--dry-run=client` output): `null` deletes, maps merge, merge-strategy lists merge by key with
 * `$patch`, `$setElementOrder`, `$deleteFromPrimitiveList` and `$retainKeys` honoured.
 */
export function applyStrategicPatch(
  original: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
): JsonObject {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') return stripDirectives(patch) as JsonObject;
  if (directive === 'delete') return {};
  const result = cloneJson(original);
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(goString));
    for (const key of Object.keys(result)) if (!keep.has(key)) delete result[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === RETAIN_KEYS || key === DIRECTIVE || key.startsWith(SET_ELEMENT_ORDER_PREFIX))
      continue;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST_PREFIX.length + 1);
      const list = result[field];
      if (Array.isArray(list) && Array.isArray(value)) {
        const drop = new Set(value.map(goString));
        result[field] = list.filter((item) => !drop.has(goString(item)));
      }
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const existing = result[key];
    if (existing === undefined || !sameJsonType(existing, value)) {
      result[key] = fresh(key, value, schema);
    } else if (isJsonObject(existing) && isJsonObject(value)) {
      const { schema: sub, meta } = schema.forStruct(key);
      result[key] =
        splitStrategies(meta).strategy === 'replace'
          ? stripDirectives(value)
          : applyStrategicPatch(existing, value, sub);
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      const order = patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`];
      result[key] = applyList(
        key,
        existing,
        value,
        Array.isArray(order) ? order : undefined,
        schema,
      );
    } else result[key] = value;
  }
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(`${SET_ELEMENT_ORDER_PREFIX}/`) || !Array.isArray(order)) continue;
    const field = key.slice(SET_ELEMENT_ORDER_PREFIX.length + 1);
    const list = result[field];
    if (Array.isArray(list) && !(field in patch))
      result[field] = reorder(list, order, schema.forSlice(field).meta.mergeKey);
  }
  return result;
}

/** A patch value for a key the original lacks: directives applied to an empty value. */
function fresh(key: string, value: JsonValue, schema: PatchSchema): JsonValue {
  if (isJsonObject(value)) return applyStrategicPatch({}, value, schema.forStruct(key).schema);
  if (Array.isArray(value)) return applyList(key, [], value, undefined, schema);
  return value;
}

function applyList(
  key: string,
  original: JsonValue[],
  patch: JsonValue[],
  order: JsonValue[] | undefined,
  schema: PatchSchema,
): JsonValue[] {
  const { schema: sub, meta } = schema.forSlice(key);
  const mergeKey = meta.mergeKey;
  if (splitStrategies(meta).strategy !== 'merge') return stripDirectives(patch) as JsonValue[];
  if (patch.some((item) => isJsonObject(item) && item[DIRECTIVE] === 'replace'))
    return stripDirectives(
      patch.filter((item) => !(isJsonObject(item) && item[DIRECTIVE] === 'replace')),
    ) as JsonValue[];
  let result = [...original];
  const merged = (list: JsonValue[]): JsonValue[] =>
    order
      ? reorder(list, order, mergeKey)
      : normalizeMergedOrder(
          list,
          patch.filter((item) => !(isJsonObject(item) && DIRECTIVE in item)),
          original,
          mergeKey,
        );
  if (!mergeKey || !patch.every(isJsonObject)) {
    const seen = new Set(result.map(goString));
    for (const item of patch) if (!seen.has(goString(item))) result.push(item);
  } else {
    for (const item of patch as JsonObject[]) {
      const id = goString(item[mergeKey]);
      const index = result.findIndex((c) => isJsonObject(c) && goString(c[mergeKey]) === id);
      if (item[DIRECTIVE] === 'delete') {
        result = result.filter((c) => !(isJsonObject(c) && goString(c[mergeKey]) === id));
        continue;
      }
      const found = result[index];
      if (index >= 0 && isJsonObject(found)) result[index] = applyStrategicPatch(found, item, sub);
      else result.push(applyStrategicPatch({}, item, sub));
    }
  }
  return merged(result);
}

/** Items named in the order list first, in that order; the others after, as they were. */
function reorder(list: JsonValue[], order: JsonValue[], mergeKey: string): JsonValue[] {
  const keyOf = (item: JsonValue): string =>
    mergeKey && isJsonObject(item) ? goString(item[mergeKey]) : goString(item);
  const rank = new Map(order.map((item, i) => [keyOf(item), i]));
  const listed = list.filter((item) => rank.has(keyOf(item)));
  listed.sort((a, b) => (rank.get(keyOf(a)) ?? 0) - (rank.get(keyOf(b)) ?? 0));
  return [...listed, ...list.filter((item) => !rank.has(keyOf(item)))];
}

function stripDirectives(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$')) continue;
    result[key] = stripDirectives(child);
  }
  return result;
}

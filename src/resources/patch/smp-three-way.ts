import type { JsonObject, JsonValue } from './json-value.js';
import { cloneJson, goString, isJsonObject } from './json-value.js';
import type { PatchSchema } from './patch-meta.js';
import { splitStrategies } from './patch-meta.js';
import { DIRECTIVE, diffMaps, RETAIN_KEYS, SET_ELEMENT_ORDER_PREFIX } from './smp-diff.js';

/**
 * kubectl's client-side apply patch for built-in types (CreateThreeWayMergePatch with
 * overwrite): the additions and changes from current (live) to modified (manifest), plus the
 * deletions from original (last applied) to modified. Fields only others set survive.
 */
export function createThreeWayMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
  schema: PatchSchema,
): JsonObject {
  const delta = diffMaps(current, modified, schema, {
    ignoreDeletions: true,
    setElementOrder: true,
  });
  const deletions = diffMaps(original ?? {}, modified, schema, {
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
  });
  return mergePatches(deletions, delta, schema);
}

/** Merges two strictly additive patches (mergeMap of the deletions and delta patches). */
function mergePatches(base: JsonObject, extra: JsonObject, schema: PatchSchema): JsonObject {
  const result = cloneJson(base);
  for (const [key, value] of Object.entries(extra)) {
    const existing = result[key];
    if (existing === undefined || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER_PREFIX)) {
      result[key] = value;
    } else if (isJsonObject(existing) && isJsonObject(value)) {
      const { schema: sub, meta } = schema.forStruct(key);
      result[key] =
        splitStrategies(meta).strategy === 'replace' ? value : mergePatches(existing, value, sub);
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      result[key] = mergePatchLists(key, existing, value, schema);
    } else result[key] = value;
  }
  sortListsLikeOrder(result, schema);
  return result;
}

/**
 * Puts the elements of each merged list in the order its `$setElementOrder` names (the server
 * rejects a patch list whose order disagrees with it), deletion directives last.
 */
function sortListsLikeOrder(patch: JsonObject, schema: PatchSchema): void {
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(`${SET_ELEMENT_ORDER_PREFIX}/`) || !Array.isArray(order)) continue;
    const field = key.slice(SET_ELEMENT_ORDER_PREFIX.length + 1);
    const list = patch[field];
    if (!Array.isArray(list)) continue;
    const mergeKey = schema.forSlice(field).meta.mergeKey;
    const keyOf = (item: JsonValue): string =>
      mergeKey && isJsonObject(item) ? goString(item[mergeKey]) : goString(item);
    const rank = new Map(order.map((item, i) => [keyOf(item), i]));
    const position = (item: JsonValue): number =>
      isJsonObject(item) && item[DIRECTIVE] !== undefined
        ? Infinity
        : (rank.get(keyOf(item)) ?? Infinity);
    patch[field] = [...list].sort((a, b) => position(a) - position(b));
  }
}

function mergePatchLists(
  key: string,
  base: JsonValue[],
  extra: JsonValue[],
  schema: PatchSchema,
): JsonValue[] {
  const { schema: sub, meta } = schema.forSlice(key);
  if (splitStrategies(meta).strategy !== 'merge') return extra;
  const mergeKey = meta.mergeKey;
  if (!mergeKey || !extra.every(isJsonObject)) {
    const seen = new Set(base.map(goString));
    return [...base, ...extra.filter((item) => !seen.has(goString(item)))];
  }
  const result = [...base];
  for (const item of extra) {
    const index = result.findIndex(
      (candidate) =>
        isJsonObject(candidate) &&
        candidate[DIRECTIVE] === undefined &&
        goString(candidate[mergeKey]) === goString(item[mergeKey]),
    );
    const found = result[index];
    if (index >= 0 && isJsonObject(found)) result[index] = mergePatches(found, item, sub);
    else result.push(item);
  }
  return result;
}

import type { JsonObject, JsonValue } from './json-value.js';
import { cloneJson, deepEqual, isJsonObject } from './json-value.js';

/** An RFC 7386 merge patch turning `from` into `to` (evanphx/json-patch CreateMergePatch). */
export function createMergePatch(from: JsonObject, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [key, value] of Object.entries(to)) {
    const old = from[key];
    if (old === undefined) patch[key] = value;
    else if (isJsonObject(old) && isJsonObject(value)) {
      const sub = createMergePatch(old, value);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (!deepEqual(old, value)) patch[key] = value;
  }
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

/** Applies an RFC 7386 merge patch. */
export function applyMergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  const result: JsonObject = isJsonObject(target) ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key] ?? null, value);
  }
  return result;
}

/** Keeps only the nulls (deletions) or only the non-nulls (additions and changes) of a patch. */
function keepOrDeleteNull(patch: JsonObject, keepNull: boolean): JsonObject {
  const filtered: JsonObject = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (keepNull) filtered[key] = null;
    } else if (isJsonObject(value)) {
      if (Object.keys(value).length === 0) {
        if (!keepNull) filtered[key] = value;
        continue;
      }
      const sub = keepOrDeleteNull(value, keepNull);
      if (Object.keys(sub).length > 0) filtered[key] = sub;
    } else if (!keepNull) filtered[key] = value;
  }
  return filtered;
}

/** Deep-merges additions into a deletions patch (jsonpatch.MergePatch of the two). */
function mergeInto(base: JsonObject, extra: JsonObject): JsonObject {
  const result = cloneJson(base);
  for (const [key, value] of Object.entries(extra)) {
    const existing = result[key];
    result[key] =
      isJsonObject(existing) && isJsonObject(value) ? mergeInto(existing, value) : value;
  }
  return result;
}

/**
 * kubectl's client-side apply patch for custom resources (CreateThreeWayJSONMergePatch):
 * changes from current to modified without deletions, plus deletions from original to modified.
 * Lists are replaced whole. Refuses a patch that changes apiVersion, kind or name.
 */
export function createThreeWayJsonMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
): JsonObject {
  const additions = keepOrDeleteNull(createMergePatch(current, modified), false);
  const deletions = keepOrDeleteNull(createMergePatch(original ?? {}, modified), true);
  const patch = mergeInto(deletions, additions);
  const metadata = patch['metadata'];
  if ('apiVersion' in patch || 'kind' in patch || (isJsonObject(metadata) && 'name' in metadata))
    throw new Error('At least one of apiVersion, kind and name was changed');
  return patch;
}

import type { JsonObject, JsonValue } from './json-value.js';
import {
  compareGoStrings,
  deepEqual,
  goString,
  isJsonObject,
  jsonKind,
  sameJsonType,
} from './json-value.js';
import type { PatchSchema } from './patch-meta.js';
import { splitStrategies } from './patch-meta.js';

/** strategicpatch.DiffOptions. */
export interface DiffOptions {
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  setElementOrder?: boolean;
  buildRetainKeysDirective?: boolean;
}

/** Directive keys of strategic merge patch. */
export const DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';

/** The strategic merge patch from original to modified (strategicpatch.diffMaps). */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key] as JsonValue;
    if (!sameJsonType(originalValue, modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isJsonObject(originalValue) && isJsonObject(modifiedValue))
      diffMapField(key, originalValue, modifiedValue, patch, schema, options);
    else if (Array.isArray(originalValue) && Array.isArray(modifiedValue))
      diffSliceField(key, originalValue, modifiedValue, patch, schema, options);
    else replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  if (
    retainKeys.length > 0 &&
    (Object.keys(patch).length > 0 || hasAdditionalField(original, modified))
  )
    patch[RETAIN_KEYS] = [...retainKeys].sort(compareGoStrings);
  return patch;
}

function diffMapField(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): void {
  const { schema: sub, meta } = schema.forStruct(key);
  const { retainKeys, strategy } = splitStrategies(meta);
  if (strategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, sub, {
    ...options,
    buildRetainKeysDirective: retainKeys,
  });
  if (Object.keys(value).length > 0) patch[key] = value;
}

function diffSliceField(
  key: string,
  original: JsonValue[],
  modified: JsonValue[],
  patch: JsonObject,
  schema: PatchSchema,
  options: DiffOptions,
): void {
  const { schema: sub, meta } = schema.forSlice(key);
  const { retainKeys, strategy } = splitStrategies(meta);
  if (strategy !== 'merge') {
    replaceIfNotEqual(key, original, modified, patch, options);
    return;
  }
  const lists = diffLists(original, modified, sub, meta.mergeKey, {
    ...options,
    buildRetainKeysDirective: retainKeys,
  });
  if (lists.add.length > 0) patch[key] = lists.add;
  if (lists.remove.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = lists.remove;
  if (lists.order.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = lists.order;
}

function replaceIfNotEqual(
  key: string,
  original: JsonValue,
  modified: JsonValue,
  patch: JsonObject,
  options: DiffOptions,
): void {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  patch[key] = modified;
}

function hasAdditionalField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !(k in modified));
}

interface ListDiff {
  add: JsonValue[];
  remove: JsonValue[];
  order: JsonValue[];
}

/** strategicpatch.diffLists for a merge-strategy list. */
function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): ListDiff {
  const first = original[0] ?? modified[0];
  if (jsonKind(first) === 'map') {
    const { patch, deletions } = diffListsOfMaps(original, modified, schema, mergeKey, options);
    const ordered = orderLike(patch, modified, mergeKey);
    const add = [...ordered, ...deletions];
    const orderSame = sameOrder(original, modified, mergeKey);
    let order: JsonValue[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && add.length > 0))
    )
      order = modified.map((item) => ({ [mergeKey]: (item as JsonObject)[mergeKey] ?? null }));
    return { add, remove: [], order };
  }
  if (jsonKind(first) === 'slice') throw new Error('lists of lists are not supported');
  const { add, remove } = diffListsOfScalars(original, modified, options);
  let order: JsonValue[] = [];
  if (
    options.setElementOrder &&
    ((!options.ignoreDeletions && remove.length > 0) ||
      (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
  )
    order = modified;
  return { add: orderLike(add, modified, ''), remove, order };
}

function sameOrder(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every(
    (item, i) =>
      goString((original[i] as JsonObject)[mergeKey]) === goString((item as JsonObject)[mergeKey]),
  );
}

/** Sorts patch elements in the order they have in modified (normalizeSliceOrder). */
function orderLike(items: JsonValue[], modified: JsonValue[], mergeKey: string): JsonValue[] {
  const keyOf = (item: JsonValue): string =>
    mergeKey && isJsonObject(item) ? goString(item[mergeKey]) : goString(item);
  const positions = new Map<string, number>();
  modified.forEach((item, i) => {
    const key = keyOf(item);
    if (!positions.has(key)) positions.set(key, i);
  });
  return [...items].sort(
    (a, b) => (positions.get(keyOf(a)) ?? Infinity) - (positions.get(keyOf(b)) ?? Infinity),
  );
}

function diffListsOfScalars(
  original: JsonValue[],
  modified: JsonValue[],
  options: DiffOptions,
): { add: JsonValue[]; remove: JsonValue[] } {
  const sort = (list: JsonValue[]): JsonValue[] =>
    [...list].sort((a, b) => compareGoStrings(goString(a), goString(b)));
  const left = sort(original);
  const right = sort(modified);
  const add: JsonValue[] = [];
  const remove: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = i < left.length ? goString(left[i]) : undefined;
    const b = j < right.length ? goString(right[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!options.ignoreChangesAndAdditions) add.push(right[j] as JsonValue);
      j++;
    } else {
      if (!options.ignoreDeletions) remove.push(left[i] as JsonValue);
      i++;
    }
  }
  return { add, remove: dedupeScalars(remove) };
}

function dedupeScalars(list: JsonValue[]): JsonValue[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = goString(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function diffListsOfMaps(
  original: JsonValue[],
  modified: JsonValue[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): { patch: JsonValue[]; deletions: JsonValue[] } {
  const byKey = (list: JsonValue[]): JsonObject[] =>
    (list as JsonObject[])
      .slice()
      .sort((a, b) => compareGoStrings(goString(a[mergeKey]), goString(b[mergeKey])));
  const left = byKey(original);
  const right = byKey(modified);
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = left[i];
    const b = right[j];
    const aKey = a ? goString(a[mergeKey]) : undefined;
    const bKey = b ? goString(b[mergeKey]) : undefined;
    if (a && b && aKey === bKey) {
      const value = diffMaps(a, b, schema, options);
      if (Object.keys(value).length > 0) patch.push({ ...value, [mergeKey]: b[mergeKey] ?? null });
      i++;
      j++;
    } else if (b && (!a || (aKey as string) > (bKey as string))) {
      if (!options.ignoreChangesAndAdditions) patch.push(b);
      j++;
    } else if (a) {
      if (!options.ignoreDeletions)
        deletions.push({ [DIRECTIVE]: 'delete', [mergeKey]: a[mergeKey] ?? null });
      i++;
    }
  }
  return { patch, deletions };
}

import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { FieldSpec } from './field-spec.js';
import { splitPath } from './field-spec.js';
import type { Gvk } from './gvk.js';
import { gvkOf, gvkSelected } from './gvk.js';
import { KustomizeError } from './errors.js';

/** A field found by a field spec: read it, replace it. */
export interface FieldSlot {
  get(): JsonValue | undefined;
  set(value: JsonValue): void;
}

/** What a missing last field is created as. */
export type CreateKind = 'map' | 'scalar' | 'none';

/** Whether a field spec applies to an object of this gvk (fieldspec.isMatchGVK). */
export function specMatches(spec: FieldSpec, gvk: Gvk): boolean {
  return gvkSelected(gvk, spec.gvk);
}

/**
 * kustomize's fieldspec filter: follows the spec's path in the object (into every element of
 * a list met on the way), creating missing maps when the spec says `create`, and calls `visit`
 * on each field found at the end.
 */
export function walkFieldSpec(
  object: JsonObject,
  spec: FieldSpec,
  createKind: CreateKind,
  visit: (slot: FieldSlot) => void,
): void {
  if (!specMatches(spec, gvkOf(object))) return;
  const path = splitPath(spec.path);
  walk(rootSlot(object), path, 0, spec.create ? createKind : 'none', visit, spec.path);
}

function rootSlot(object: JsonObject): FieldSlot {
  return { get: () => object, set: () => undefined };
}

/** Follows `path` from segment `at` on (an index, not a sliced copy: this runs very often). */
function walk(
  slot: FieldSlot,
  path: readonly string[],
  at: number,
  createKind: CreateKind,
  visit: (slot: FieldSlot) => void,
  fullPath: string,
): void {
  if (at === path.length) {
    visit(slot);
    return;
  }
  const node = slot.get();
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++)
      walk(elementSlot(node, index), path, at, createKind, visit, fullPath);
    return;
  }
  if (!isJsonObject(node)) {
    if (node === null || node === undefined) return;
    throw new KustomizeError(`expected sequence or mapping node at path ${fullPath}`);
  }
  const segment = path[at] ?? '';
  const isSeq = segment.endsWith('[]');
  const name = isSeq ? segment.slice(0, -2) : segment;
  let value = node[name];
  // Nothing to visit below a missing field that is not to be created: no slot needed.
  if (value === undefined && (createKind === 'none' || isSeq)) return;
  const child = fieldSlot(node, name);
  const last = at + 1 === path.length;
  if (createKind === 'none' || isSeq) {
    if (value === null && isSeq) child.set([]);
  } else if (last) {
    if (value === undefined || value === null) {
      if (createKind === 'map') child.set({});
      else if (value === null) child.set('');
    }
  } else if (value === undefined || value === null) {
    value = {};
    child.set(value);
  }
  walk(child, path, at + 1, createKind, visit, fullPath);
}

function fieldSlot(map: JsonObject, name: string): FieldSlot {
  return {
    get: () => map[name],
    set: (value) => {
      map[name] = value;
    },
  };
}

function elementSlot(list: JsonValue[], index: number): FieldSlot {
  return {
    get: () => list[index],
    set: (value) => {
      list[index] = value;
    },
  };
}

/** Sets `key: value` in the map at a slot (filtersutil.SetEntry). */
export function setEntry(slot: FieldSlot, key: string, value: string): void {
  const node = slot.get();
  if (isJsonObject(node)) node[key] = value;
  else if (node === undefined || node === null) slot.set({ [key]: value });
  else throw new KustomizeError(`expected a map to set ${key} in, found ${JSON.stringify(node)}`);
}

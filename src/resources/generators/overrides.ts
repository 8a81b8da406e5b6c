/**
 * `--overrides` for run and expose (cmdutil.Overrider): a JSON merge patch (default), an
 * RFC 6902 JSON patch, or a strategic merge patch, applied to the generated object.
 */
import type { KubeObject } from '../kube-object.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseFragment(fragment: string): Json {
  try {
    return JSON.parse(fragment) as Json;
  } catch {
    throw new Error('Invalid JSON Patch');
  }
}

/** RFC 7386 merge patch: objects merge, null deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: { [key: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key] ?? null, value);
  }
  return result;
}

/** Merge keys of the lists a strategic merge patch merges by key (Pod and Service fields). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  ports: 'containerPort',
  hostAliases: 'ip',
  tolerations: 'key',
};

/** A strategic merge patch for the common Pod/Service lists; other lists are replaced. */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (Array.isArray(patch) && Array.isArray(target)) {
    const key =
      field === 'ports' && target.some((t) => isObject(t) && 'port' in t)
        ? 'port'
        : MERGE_KEYS[field];
    if (!key) return patch;
    const result = [...target];
    for (const item of patch) {
      const index = isObject(item)
        ? result.findIndex((t) => isObject(t) && t[key] === item[key])
        : -1;
      if (index >= 0) result[index] = strategicMergePatch(result[index] ?? null, item);
      else result.push(item);
    }
    return result;
  }
  if (!isObject(patch)) return patch;
  const result: { [key: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = strategicMergePatch(result[key] ?? null, value, key);
  }
  return result;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, path: string[]): { parent: Json; key: string } {
  let parent = doc;
  for (const part of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(parent)
      ? parent[Number(part)]
      : isObject(parent)
        ? parent[part]
        : undefined;
    if (next === undefined) throw new Error(`jsonpatch: missing path ${path.join('/')}`);
    parent = next;
  }
  return { parent, key: path[path.length - 1] ?? '' };
}

function getAt(doc: Json, path: string[]): Json {
  const { parent, key } = parentOf(doc, path);
  const value = Array.isArray(parent)
    ? parent[Number(key)]
    : isObject(parent)
      ? parent[key]
      : undefined;
  if (value === undefined) throw new Error(`jsonpatch: missing value at /${path.join('/')}`);
  return value;
}

function setAt(doc: Json, path: string[], value: Json, insert: boolean): void {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (insert) parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isObject(parent)) parent[key] = value;
}

function removeAt(doc: Json, path: string[]): void {
  const { parent, key } = parentOf(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isObject(parent)) delete parent[key];
}

/** RFC 6902 JSON patch: add, remove, replace, move, copy, test. */
export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw new Error('Invalid JSON Patch');
  const doc = structuredClone(target);
  for (const op of operations) {
    if (!isObject(op)) throw new Error('Invalid JSON Patch');
    const path = pointer(String(op['path'] ?? ''));
    const value = op['value'] ?? null;
    switch (op['op']) {
      case 'add':
        setAt(doc, path, value, true);
        break;
      case 'replace':
        getAt(doc, path);
        setAt(doc, path, value, false);
        break;
      case 'remove':
        getAt(doc, path);
        removeAt(doc, path);
        break;
      case 'move':
      case 'copy': {
        const from = pointer(String(op['from'] ?? ''));
        const moved = structuredClone(getAt(doc, from));
        if (op['op'] === 'move') removeAt(doc, from);
        setAt(doc, path, moved, true);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(value))
          throw new Error('testing value failed');
        break;
      default:
        throw new Error(`Unexpected kind: ${String(op['op'])}`);
    }
  }
  return doc;
}

/** Applies --overrides of the given type; an empty override leaves the object as it is. */
export function applyOverrides(object: KubeObject, overrides: string, type: string): KubeObject {
  if (overrides === '') return object;
  const target = JSON.parse(JSON.stringify(object)) as Json;
  const fragment = parseFragment(overrides);
  let result: Json;
  if (type === 'merge' || type === '') result = mergePatch(target, fragment);
  else if (type === 'json') result = jsonPatch(target, fragment);
  else if (type === 'strategic') result = strategicMergePatch(target, fragment);
  else throw new Error(`invalid override type: ${type}`);
  if (!isObject(result)) throw new Error("Object 'Kind' is missing in the override");
  return result as KubeObject;
}

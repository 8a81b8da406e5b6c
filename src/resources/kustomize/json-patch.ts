import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { cloneJson, deepEqual, isJsonObject } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';

/** One RFC 6902 operation. */
export interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
}

/** Decodes a JSON 6902 patch (JSON or YAML list of operations). */
export function decodeJsonPatch(ops: JsonValue): JsonPatchOp[] {
  if (!Array.isArray(ops)) throw new KustomizeError('json patch must be a list of operations');
  return ops.map((op) => {
    if (!isJsonObject(op) || typeof op['op'] !== 'string')
      throw new KustomizeError(`invalid json patch operation ${JSON.stringify(op)}`);
    const result: JsonPatchOp = { op: op['op'], path: String(op['path'] ?? '') };
    if (typeof op['from'] === 'string') result.from = op['from'];
    if ('value' in op) result.value = op['value'] as JsonValue;
    return result;
  });
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new KustomizeError(`JSON pointer must be empty or start with a "/": ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = JsonObject | JsonValue[];

function resolveParent(doc: JsonValue, pointer: string, op: string): [Container, string] {
  const parts = parsePointer(pointer);
  const last = parts.pop();
  if (last === undefined)
    throw new KustomizeError(`${op} operation does not apply: doc is missing path: ${pointer}`);
  let node: JsonValue = doc;
  for (const part of parts) {
    const next: JsonValue | undefined = Array.isArray(node)
      ? node[arrayIndex(part, node.length, false, pointer)]
      : isJsonObject(node)
        ? node[part]
        : undefined;
    if (next === undefined || next === null || typeof next !== 'object')
      throw new KustomizeError(
        `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
    node = next;
  }
  if (!Array.isArray(node) && !isJsonObject(node))
    throw new KustomizeError(
      `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
    );
  return [node, last];
}

function arrayIndex(part: string, length: number, forAdd: boolean, pointer: string): number {
  if (forAdd && part === '-') return length;
  if (!/^(0|[1-9][0-9]*)$/.test(part))
    throw new KustomizeError(`Unable to access invalid index: ${part} in ${pointer}`);
  const index = Number(part);
  if (index > length || (!forAdd && index >= length))
    throw new KustomizeError(`Unable to access invalid index: ${index} in ${pointer}`);
  return index;
}

function getAt(doc: JsonValue, pointer: string, op: string): JsonValue {
  if (pointer === '') return doc;
  const [parent, key] = resolveParent(doc, pointer, op);
  const value = Array.isArray(parent)
    ? parent[arrayIndex(key, parent.length, false, pointer)]
    : parent[key];
  if (value === undefined)
    throw new KustomizeError(
      `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
    );
  return value;
}

function addAt(doc: JsonValue, pointer: string, value: JsonValue, op: string): JsonValue {
  if (pointer === '') return value;
  const [parent, key] = resolveParent(doc, pointer, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length, true, pointer), 0, value);
  else parent[key] = value;
  return doc;
}

function removeAt(doc: JsonValue, pointer: string, op: string): JsonValue {
  const [parent, key] = resolveParent(doc, pointer, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length, false, pointer), 1);
  else {
    if (!(key in parent))
      throw new KustomizeError(`${op} operation does not apply: doc is missing key: ${pointer}`);
    delete parent[key];
  }
  return doc;
}

/**
 * json-patch v4's replace: a missing key of an existing map is set (its map get never fails);
 * a missing parent or a bad array index fails, the path written without quotes.
 */
function replaceAt(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
  if (pointer === '') return value;
  const missing = (what: string): KustomizeError =>
    new KustomizeError(
      `replace operation does not apply: doc is missing ${what}: ${pointer}: missing value`,
    );
  const parts = parsePointer(pointer);
  const last = parts.pop() ?? '';
  let node: JsonValue = doc;
  for (const part of parts) {
    const next: JsonValue | undefined = Array.isArray(node)
      ? /^(0|[1-9][0-9]*)$/.test(part)
        ? node[Number(part)]
        : undefined
      : isJsonObject(node)
        ? node[part]
        : undefined;
    if (next === undefined || next === null || typeof next !== 'object') throw missing('path');
    node = next;
  }
  if (Array.isArray(node)) {
    if (!/^(0|[1-9][0-9]*)$/.test(last) || Number(last) >= node.length) throw missing('key');
    node[Number(last)] = value;
  } else if (isJsonObject(node)) node[last] = value;
  else throw missing('path');
  return doc;
}

/** Applies the operations in order to a copy of `doc` (evanphx/json-patch semantics). */
export function applyJsonPatch(doc: JsonObject, ops: readonly JsonPatchOp[]): JsonValue {
  let result: JsonValue = cloneJson(doc);
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        result = addAt(result, op.path, cloneJson(op.value ?? null), 'add');
        break;
      case 'remove':
        result = removeAt(result, op.path, 'remove');
        break;
      case 'replace':
        result = replaceAt(result, op.path, cloneJson(op.value ?? null));
        break;
      case 'move': {
        const from = op.from ?? '';
        const value = getAt(result, from, 'move');
        result = removeAt(result, from, 'move');
        result = addAt(result, op.path, value, 'move');
        break;
      }
      case 'copy':
        result = addAt(result, op.path, cloneJson(getAt(result, op.from ?? '', 'copy')), 'copy');
        break;
      case 'test':
        if (!deepEqual(getAt(result, op.path, 'test'), op.value ?? null))
          throw new KustomizeError(`testing value ${op.path} failed: test failed`);
        break;
      default:
        throw new KustomizeError(`Unexpected kind: ${op.op}`);
    }
  }
  return result;
}

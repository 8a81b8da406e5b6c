/**
 * RFC 6902 JSON Patch applied locally (for `patch --type json --dry-run=client`), with the
 * error words of evanphx/json-patch where kubectl would show them.
 */
import { PlainError } from '../../errors/errors.js';
import type { JsonObject, JsonValue } from '../../resources/patch/json-value.js';
import { cloneJson, deepEqual, isJsonObject } from '../../resources/patch/json-value.js';

/** One operation of a JSON Patch. */
interface Operation {
  op?: string;
  path?: string;
  from?: string;
  value?: JsonValue;
}

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  doc: JsonValue,
  pointer: string,
): { parent: JsonObject | JsonValue[]; key: string } {
  const parts = tokens(pointer);
  const key = parts.pop();
  if (key === undefined)
    throw new PlainError(`unable to patch the root of the document: ${pointer}`);
  let node: JsonValue = doc;
  for (const part of parts) {
    const next: JsonValue | undefined = Array.isArray(node)
      ? node[Number(part)]
      : isJsonObject(node)
        ? node[part]
        : undefined;
    if (next === undefined)
      throw new PlainError(`doc is missing path: "${pointer}": missing value`);
    node = next;
  }
  if (!Array.isArray(node) && !isJsonObject(node))
    throw new PlainError(`doc is missing path: "${pointer}": missing value`);
  return { parent: node, key };
}

function get(doc: JsonValue, pointer: string): JsonValue {
  const { parent, key } = parentOf(doc, pointer);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (value === undefined) throw new PlainError(`doc is missing key: ${pointer}: missing value`);
  return value;
}

function add(doc: JsonValue, pointer: string, value: JsonValue): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw new PlainError(`Unable to access invalid index: ${key}: invalid index referenced`);
    parent.splice(index, 0, value);
  } else parent[key] = value;
}

function remove(doc: JsonValue, pointer: string): JsonValue {
  const value = get(doc, pointer);
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return value;
}

/** Applies the operations to a copy of the document. */
export function applyJsonPatch(document: JsonObject, operations: unknown): JsonObject {
  if (!Array.isArray(operations))
    throw new PlainError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = cloneJson(document) as JsonValue;
  for (const operation of operations as Operation[]) {
    const path = operation.path ?? '';
    switch (operation.op) {
      case 'add':
        add(doc, path, cloneJson(operation.value ?? null));
        break;
      case 'remove':
        remove(doc, path);
        break;
      case 'replace':
        remove(doc, path);
        add(doc, path, cloneJson(operation.value ?? null));
        break;
      case 'move':
        add(doc, path, remove(doc, operation.from ?? ''));
        break;
      case 'copy':
        add(doc, path, cloneJson(get(doc, operation.from ?? '')));
        break;
      case 'test':
        if (!deepEqual(get(doc, path), operation.value ?? null))
          throw new PlainError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PlainError(`Unexpected kind: ${String(operation.op)}`);
    }
  }
  return doc as JsonObject;
}

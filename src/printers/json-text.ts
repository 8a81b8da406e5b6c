/**
 * JSON text as Go's encoding/json writes it for kubectl's unstructured objects: map keys
 * sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c..., DEL left alone.
 */
import { goJson, sortKeysDeep } from '../util/go-json.js';

/** Go's json.Marshal: compact, keys sorted, HTML-safe escaping. */
export function toGoJson(value: unknown): string {
  return goJson(sortKeysDeep(value));
}

/** JSON text as kubectl prints it for -o json: keys sorted, four-space indent, trailing newline. */
export function toKubectlJson(value: unknown, indent = 4): string {
  return `${goJson(sortKeysDeep(value), indent)}\n`;
}

/**
 * -o json of an object kubectl holds in a typed struct (json.MarshalIndent): keys in Go field
 * order, i.e. as the server or the generator wrote them, not sorted; four spaces, a newline.
 */
export function toTypedJson(value: unknown): string {
  return `${goJson(value, 4)}\n`;
}

/**
 * JSON text as Go's encoding/json writes it for kubectl's unstructured objects: map keys
 * sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c..., DEL left alone.
 */

/** Sorts object keys recursively, as Go's encoding/json does for maps (kubectl's unstructured objects). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

const GO_ESCAPED = /[<>&\u2028\u2029]/g;

function goEscape(text: string): string {
  return text.replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's json.Marshal: compact, keys sorted, HTML-safe escaping. */
export function toGoJson(value: unknown): string {
  return goEscape(JSON.stringify(sortKeysDeep(value)) ?? 'null');
}

/** JSON text as kubectl prints it for -o json: keys sorted, four-space indent, trailing newline. */
export function toKubectlJson(value: unknown, indent = 4): string {
  return `${goEscape(JSON.stringify(sortKeysDeep(value), null, indent) ?? 'null')}\n`;
}

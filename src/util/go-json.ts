/** Go's encoding/json, as far as ktl writes JSON that kubectl or client-go also write. */

/**
 * Go's encoding/json text of a value with its keys in the order given (json.Marshal, or
 * json.MarshalIndent with `indent` spaces): <, >, & and U+2028/U+2029 escaped as \u003c...
 * The one place ktl writes JSON as Go does; callers sort keys when Go would (maps).
 */
export function goJson(value: unknown, indent = 0): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (ch) => {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Sorts object keys recursively, as Go's encoding/json does for maps (unstructured objects). */
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

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

/** JSON text as kubectl prints it for -o json: keys sorted, four-space indent, trailing newline. */
export function toKubectlJson(value: unknown, indent = 4): string {
  return `${JSON.stringify(sortKeysDeep(value), null, indent)
    .replace(
      /[\u007f-\u009f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}\n`;
}

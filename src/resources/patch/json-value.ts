/** A decoded JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A decoded JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A deep copy. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** The kind of a JSON value as Go's reflect sees it after decoding. */
export function jsonKind(value: unknown): 'map' | 'slice' | 'scalar' | 'null' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'object') return 'map';
  return 'scalar';
}

/** Whether two values have the same Go type after decoding (string, float64, bool, map, slice). */
export function sameJsonType(a: unknown, b: unknown): boolean {
  const kindA = jsonKind(a);
  if (kindA !== jsonKind(b)) return false;
  return kindA !== 'scalar' || typeof a === typeof b;
}

/** Go's fmt `%v` of a scalar, used to sort and match list elements. */
export function goString(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Compares two strings by bytes, as Go does. */
export function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

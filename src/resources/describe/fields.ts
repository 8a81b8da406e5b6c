/** Small readers and Go-style formatters the describers share. */

/** A loosely typed object read from JSON. */
export type Obj = Record<string, unknown>;

/** The object at a key, or an empty one. */
export function obj(value: unknown, key?: string): Obj {
  const found = key === undefined ? value : (value as Obj | undefined)?.[key];
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found as Obj) : {};
}

/** The array at a key, or an empty one. */
export function arr(value: unknown, key: string): Obj[] {
  const found = (value as Obj | undefined)?.[key];
  return Array.isArray(found) ? (found as Obj[]) : [];
}

/** The string at a key, or ''. */
export function str(value: unknown, key: string): string {
  const found = (value as Obj | undefined)?.[key];
  return found === undefined || found === null ? '' : String(found);
}

/** The number at a key, or 0. */
export function num(value: unknown, key: string): number {
  const found = (value as Obj | undefined)?.[key];
  return typeof found === 'number' ? found : 0;
}

/** A string map at a key. */
export function strMap(value: unknown, key: string): Record<string, string> {
  return obj(value, key) as Record<string, string>;
}

/** kubectl's printBool: True / False. */
export function printBool(value: unknown): string {
  return value === true ? 'True' : 'False';
}

/** The value, or `<none>` when empty. */
export function orNone(value: string): string {
  return value === '' ? '<none>' : value;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in the local zone: `Mon, 02 Jan 2006 15:04:05 -0700`. */
export function rfc1123z(timestamp: string): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const offset = -at.getTimezoneOffset();
  const local = new Date(at.getTime() + offset * 60_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.trunc(abs / 60))}${two(abs % 60)}`;
  return `${DAYS[local.getUTCDay()]}, ${two(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${zone}`;
}

/** Go's %v of a []string: `[a b c]`. */
export function goList(values: unknown): string {
  return `[${(Array.isArray(values) ? values : []).map(String).join(' ')}]`;
}

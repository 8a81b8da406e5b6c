import { quoteGo } from './jsonpath/go-strings.js';
/**
 * Go's fmt `%v` for values decoded from JSON the way kubectl decodes them (integral numbers as
 * int64, others as float64, objects as map[string]interface{}).
 */

const INT64_LIMIT = 2 ** 63;

/** A float64 as Go's %v prints it (shortest digits; exponent form below 1e-4 or from 1e6). */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** A JSON number as kubectl prints it: integers as int64, others as float64 (`%v`). */
export function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < INT64_LIMIT) return String(value);
  return goFloat(value);
}

/** Go's `fmt.Sprint(v)` / `%v` of a JSON-decoded value: `map[a:1 b:[x y]]`, `<nil>`. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return goNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
      return `map[${Object.keys(value)
        .sort()
        .map((key) => `${key}:${goSprint((value as Record<string, unknown>)[key])}`)
        .join(' ')}]`;
    default:
      return String(value);
  }
}

/** Go's `%#v` of a JSON-decoded value (the object dump in kubectl's template errors). */
export function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return quoteGo(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  const map = value as Record<string, unknown>;
  const entries = Object.keys(map)
    .sort()
    .map((key) => `${quoteGo(key)}:${goSyntax(map[key])}`);
  return `map[string]interface {}{${entries.join(', ')}}`;
}

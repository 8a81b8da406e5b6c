/**
 * The Go values a kubectl go-template sees: what encoding/json + apimachinery's util/json give
 * for an object (strings, int64 for integral numbers, float64 otherwise, bool, nil,
 * []interface{}, map[string]interface{}), plus the `int` and `float64` constants of the
 * template itself. `undefined` stands for Go's invalid reflect.Value (a missing key).
 */

/** A Go `int` made by the template (a literal, len, a range index). */
export class GoInt {
  constructor(readonly value: number) {}
}

/** A Go `float64` literal of the template (`1.0` stays a float). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A value of a template run: JSON data, template constants, or undefined (no value). */
export type GoValue = unknown;

/** The basic kinds the builtins distinguish. */
export type GoKind = 'invalid' | 'nil' | 'string' | 'int' | 'float' | 'bool' | 'slice' | 'map';

const INT64_LIMIT = 2 ** 63;

/** The kind of a value. */
export function kindOf(value: GoValue): GoKind {
  if (value === undefined) return 'invalid';
  if (value === null) return 'nil';
  if (value instanceof GoInt) return 'int';
  if (value instanceof GoFloat) return 'float';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < INT64_LIMIT ? 'int' : 'float';
    default:
      return Array.isArray(value) ? 'slice' : 'map';
  }
}

/** The number inside a numeric value. */
export function numberOf(value: GoValue): number {
  if (value instanceof GoInt || value instanceof GoFloat) return value.value;
  return value as number;
}

/** Go's %T of a value. */
export function goTypeName(value: GoValue): string {
  if (value instanceof GoInt) return 'int';
  switch (kindOf(value)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    default:
      return kindOf(value);
  }
}

/** Go's template truth: non-zero numbers, non-empty strings, maps and slices, true. */
export function isTrue(value: GoValue): boolean {
  switch (kindOf(value)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (value as string).length > 0;
    case 'bool':
      return value as boolean;
    case 'int':
    case 'float':
      return numberOf(value) !== 0;
    case 'slice':
      return (value as unknown[]).length > 0;
    default:
      return Object.keys(value as object).length > 0;
  }
}

/** A map's keys in Go's sorted order (byte order of strings). */
export function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

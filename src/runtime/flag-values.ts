/**
 * pflag's parsers for flag values commander keeps as strings: Go's bool, int and duration
 * spellings, and pflag's `invalid argument "x" for "--flag" flag: <why>` when a value is not
 * one (a FlagValueError; src/errors/format-error.ts adds cobra's pointer to the help).
 */
import { parseGoDuration } from '../config/duration.js';
import { FlagValueError } from '../errors/errors.js';

const UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);
const TRUE = /^(1|t|T|TRUE|true|True)$/;
const FALSE = /^(0|f|F|FALSE|false|False)$/;

/** Go's time.ParseDuration error text for a value parseGoDuration refused. */
export function durationProblem(value: string): string {
  let rest = value.replace(/^[+-]/, '');
  if (rest === '') return `time: invalid duration "${value}"`;
  while (rest !== '') {
    const number = /^\d*(?:\.\d*)?/.exec(rest)?.[0] ?? '';
    if (number === '' || number === '.') return `time: invalid duration "${value}"`;
    rest = rest.slice(number.length);
    const unit = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration "${value}"`;
    if (!UNITS.has(unit)) return `time: unknown unit "${unit}" in duration "${value}"`;
    rest = rest.slice(unit.length);
  }
  return `time: invalid duration "${value}"`;
}

/** strconv.ParseBool's error text. */
export function boolProblem(value: string): string {
  return `strconv.ParseBool: parsing "${value}": invalid syntax`;
}

/** strconv.ParseInt's error text (`invalid syntax` or `value out of range`). */
export function intProblem(value: string, outOfRange = false): string {
  return `strconv.ParseInt: parsing "${value}": ${outOfRange ? 'value out of range' : 'invalid syntax'}`;
}

/**
 * A Go duration flag's value in ms, or pflag's error for a malformed one (with cobra's pointer
 * to the command's help when its path is given).
 */
export function durationFlag(flag: string, value: string, commandPath?: string): number {
  const ms = parseGoDuration(value);
  if (ms === undefined) throw new FlagValueError(flag, value, durationProblem(value), commandPath);
  return ms;
}

/** A pflag int64 flag's value, or pflag's strconv.ParseInt error (with the help pointer). */
export function intFlag(flag: string, value: string, commandPath?: string): number {
  if (/^[+-]?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  throw new FlagValueError(flag, value, intProblem(value, /^[+-]?\d+$/.test(value)), commandPath);
}

/**
 * A pflag Int32 flag's value (strconv.ParseInt with bit size 32), `fallback` when not given.
 * `flag` is named as pflag names it: `-r, --replicas` for a flag with a shorthand.
 */
export function int32Flag(
  flag: string,
  value: string | undefined,
  fallback: number,
  commandPath: string,
): number {
  if (value === undefined) return fallback;
  if (!/^[+-]?\d+$/.test(value))
    throw new FlagValueError(flag, value, intProblem(value), commandPath);
  const parsed = Number(value);
  if (parsed > 2147483647 || parsed < -2147483648)
    throw new FlagValueError(flag, value, intProblem(value, true), commandPath);
  return parsed;
}

/** A pflag bool given as `--flag` or `--flag=value` (strconv.ParseBool's spellings). */
export function boolFlag(
  flag: string,
  value: string | boolean | undefined,
  commandPath?: string,
): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  if (TRUE.test(value)) return true;
  if (FALSE.test(value)) return false;
  throw new FlagValueError(flag, value, boolProblem(value), commandPath);
}

/** commander's parser for a repeatable flag (pflag's StringArray): each use adds its value. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** commander's parser for a pflag StringSlice: each use adds its comma-separated values. */
export function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter((v) => v !== '')];
}

import { parseGoDuration } from '../../config/duration.js';
import { PlainError } from '../../errors/errors.js';

const UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

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

/**
 * A Go duration flag's value in ms, or pflag's error for a malformed one (with cobra's pointer
 * to the command's help when its path is given).
 */
export function durationFlag(flag: string, value: string, commandPath?: string): number {
  const ms = parseGoDuration(value);
  if (ms === undefined) {
    const help = commandPath ? `\nSee '${commandPath} --help' for usage.` : '';
    throw new PlainError(
      `invalid argument "${value}" for "${flag}" flag: ${durationProblem(value)}${help}`,
    );
  }
  return ms;
}

/** A pflag int64 flag's value, or pflag's strconv.ParseInt error (with the help pointer). */
export function intFlag(flag: string, value: string, commandPath: string): number {
  if (/^[+-]?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  const reason = /^[+-]?\d+$/.test(value) ? 'value out of range' : 'invalid syntax';
  throw new PlainError(
    `invalid argument "${value}" for "${flag}" flag: strconv.ParseInt: parsing "${value}": ${reason}\nSee '${commandPath} --help' for usage.`,
  );
}

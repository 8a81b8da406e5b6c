import { parseGoDuration } from '../../config/duration.js';
import { PlainError } from '../../errors/errors.js';

/** A Go duration flag's value in ms, or pflag's error for a malformed one. */
export function durationFlag(flag: string, value: string): number {
  const ms = parseGoDuration(value);
  if (ms === undefined)
    throw new PlainError(
      `invalid argument "${value}" for "${flag}" flag: time: invalid duration "${value}"`,
    );
  return ms;
}

import { PlainError } from '../../errors/errors.js';

const TRUE = /^(1|t|T|TRUE|true|True)$/;
const FALSE = /^(0|f|F|FALSE|false|False)$/;

/**
 * --show-events read as pflag reads a bool (strconv.ParseBool's spellings), or pflag's error
 * with cobra's pointer to the command's help.
 */
export function showEventsFlag(value: boolean | string, commandPath: string): boolean {
  if (typeof value === 'boolean') return value;
  if (TRUE.test(value)) return true;
  if (FALSE.test(value)) return false;
  throw new PlainError(
    `invalid argument "${value}" for "--show-events" flag: strconv.ParseBool: parsing "${value}": invalid syntax\nSee '${commandPath} --help' for usage.`,
  );
}

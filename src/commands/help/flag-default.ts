import type { Option } from 'commander';
import { recordedDefault } from '../../runtime/command-help.js';

/** Whether pflag would type this option bool: it takes no value, or an optional `[bool]`. */
export function isBooleanOption(option: Option): boolean {
  if (!option.required && !option.optional) return true;
  return option.optional && option.flags.includes('[bool]');
}

/** What the option's own parser makes of a value (undefined when it has none or rejects it). */
function parsed(option: Option, value: string): unknown {
  if (typeof option.parseArg !== 'function') return undefined;
  try {
    return option.parseArg(value, undefined);
  } catch {
    return undefined;
  }
}

/**
 * The option's default as pflag prints it in kubectl's help: `false`/`true` for booleans,
 * `''` or `'value'` for strings, `[]` for repeatable flags, numbers bare. A default recorded
 * with flagDefaults wins; otherwise the type comes from the option itself.
 */
export function flagDefaultText(option: Option): string {
  const recorded = recordedDefault(option);
  if (recorded) return recorded.text;
  const value: unknown = option.defaultValue;
  if (isBooleanOption(option))
    return String(!option.negate && (value === true || value === 'true'));
  if (Array.isArray(value)) return `[${value.map(String).join(',')}]`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const probe = parsed(option, typeof value === 'string' ? value : '0');
  if (option.variadic || Array.isArray(probe))
    return typeof value === 'string' ? `[${value}]` : '[]';
  if (typeof probe === 'number') return typeof value === 'string' ? value : '0';
  if (typeof value === 'string' && DURATION.test(value)) return value;
  return typeof value === 'string' ? `'${value}'` : "''";
}

/** A Go duration as pflag prints one (`0s`, `20s`, `1m30s`): such defaults are durations. */
const DURATION = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** Positional-argument rules shared by the generator commands (cobra's ArgsLenAtDash). */
import type { Command } from 'commander';
import { PlainError, SilentExit, UsageError } from '../../errors/errors.js';
import type { IOStreams } from '../../util/io-streams.js';
import { commandPathOf } from '../../runtime/command-context.js';

function rootOf(command: Command): Command {
  let current = command;
  while (current.parent) current = current.parent;
  return current;
}

/** How many of `args` came before `--` (all of them when there was no `--`). */
export function argsLenAtDash(command: Command, args: readonly string[]): number {
  const raw = (rootOf(command) as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const dash = raw.indexOf('--');
  if (dash < 0) return args.length;
  return Math.max(0, args.length - (raw.length - dash - 1));
}

/** NameFromCommandArgs: exactly one NAME before `--`. */
export function nameFromArgs(command: Command, args: readonly string[]): string {
  const count = argsLenAtDash(command, args);
  if (count !== 1)
    throw new UsageError(`exactly one NAME is required, got ${count}`, commandPathOf(command));
  return args[0] ?? '';
}

/** cobra's required-flag check: `required flag(s) "a", "b" not set`. */
export function requireFlags(
  values: Record<string, unknown>,
  flags: ReadonlyArray<[string, string]>,
): void {
  const missing = flags.filter(([key]) => values[key] === undefined).map(([, flag]) => `"${flag}"`);
  if (missing.length > 0) throw new PlainError(`required flag(s) ${missing.join(', ')} not set`);
}

/** pflag's error for a flag value it cannot parse, printed as kubectl prints it. */
export function badFlagValue(
  streams: IOStreams,
  command: Command,
  flag: string,
  value: string,
  reason: string,
): SilentExit {
  streams.err.write(
    `error: invalid argument "${value}" for "${flag}" flag: ${reason}\nSee '${commandPathOf(command)} --help' for usage.\n`,
  );
  return new SilentExit(1);
}

/** Parses a pflag Int32 flag value (strconv.ParseInt with bit size 32). */
export function int32Flag(
  streams: IOStreams,
  command: Command,
  flag: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!/^[+-]?\d+$/.test(value))
    throw badFlagValue(
      streams,
      command,
      flag,
      value,
      `strconv.ParseInt: parsing "${value}": invalid syntax`,
    );
  const parsed = Number(value);
  if (parsed > 2147483647 || parsed < -2147483648)
    throw badFlagValue(
      streams,
      command,
      flag,
      value,
      `strconv.ParseInt: parsing "${value}": value out of range`,
    );
  return parsed;
}

/** Parses a pflag Bool flag given as `--flag=value`. */
export function boolFlag(
  streams: IOStreams,
  command: Command,
  flag: string,
  value: string | boolean | undefined,
): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  const truthy = ['1', 't', 'T', 'TRUE', 'true', 'True'];
  const falsy = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
  if (truthy.includes(value)) return true;
  if (falsy.includes(value)) return false;
  throw badFlagValue(
    streams,
    command,
    flag,
    value,
    `strconv.ParseBool: parsing "${value}": invalid syntax`,
  );
}

/**
 * Every value given for a long flag on the command line (before `--`). Used for subcommand
 * flags that share a name with a global flag (`create rolebinding --user`), which commander
 * hands to the root command instead.
 */
export function rawFlagValues(command: Command, flag: string): string[] {
  const raw = (rootOf(command) as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const values: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const arg = raw[i] ?? '';
    if (arg === '--') break;
    if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
    else if (arg === flag && i + 1 < raw.length) values.push(raw[++i] ?? '');
  }
  return values;
}

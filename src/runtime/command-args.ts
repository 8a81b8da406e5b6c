/** Positional-argument rules shared by the generator commands (cobra's ArgsLenAtDash). */
import type { Command } from 'commander';
import { PlainError, UsageError } from '../errors/errors.js';
import { commandPathOf } from './command-context.js';

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

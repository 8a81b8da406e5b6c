import { Option } from 'commander';
import type { Command } from 'commander';
import { FlagValueError } from '../errors/errors.js';
import { boolProblem } from '../runtime/flag-values.js';

/** A command line read against the command tree: the command it runs and pflag-style bools. */
export interface Invocation {
  /** `ktl rollout restart`: the deepest command named in the arguments. */
  path: string;
  /** The arguments with bool flags spelled so commander reads them as pflag does. */
  argv: string[];
  /** pflag's error for a bool flag given a value that is not a bool. */
  boolError?: string;
  /** A flag that needs a value, given last with none, as pflag names it (`'n' in -n`). */
  missingValue?: string;
  /**
   * pflag's error for a global flag's shorthand that the command hides: its own flag of the
   * same long name has none (`config set-context --namespace`, so `-n` is unknown there).
   */
  shadowedShorthand?: string;
}

const TRUE = /^(1|t|T|TRUE|true|True)$/;
const FALSE = /^(0|f|F|FALSE|false|False)$/;

/**
 * Walks the arguments down the command tree. pflag's bools never take the next word as their
 * value and accept `--flag=false`; commander's do the opposite, so: `--flag` of an optional
 * `[bool]` option becomes `--flag=true` (it must not eat `deploy/web` in `rollout status -w
 * deploy/web`), and `--flag=VALUE` of a plain boolean becomes `--flag` or nothing.
 */
export function readInvocation(program: Command, args: readonly string[]): Invocation {
  const argv: string[] = [];
  const names = ['ktl'];
  let command = program;
  let boolError: string | undefined;
  let missingValue: string | undefined;
  const shorthands: Array<{ arg: string; option: Option }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      argv.push(...args.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
      if (sub) {
        command = sub;
        names.push(sub.name()); // kubectl's messages name the command, not the alias typed
      }
      argv.push(arg);
      continue;
    }
    const [flag = '', value] = splitAtEquals(arg);
    const option = findOption(command, flag);
    if (!option) {
      // `-nNS`: a shorthand with its value attached
      const attached = /^-[^-]/.test(arg) ? findOption(command, arg.slice(0, 2)) : undefined;
      if (attached) shorthands.push({ arg, option: attached });
      argv.push(arg);
      continue;
    }
    if (!flag.startsWith('--')) shorthands.push({ arg, option });
    if (option.optional && option.flags.includes('[bool]')) {
      argv.push(value === undefined ? `${option.long ?? flag}=true` : arg);
    } else if (!option.required && !option.optional && value !== undefined) {
      if (TRUE.test(value)) argv.push(flag);
      else if (FALSE.test(value)) {
        if (option.defaultValue === true) argv.push(negation(command, option));
      } else
        boolError ??= new FlagValueError(option.long ?? flag, value, boolProblem(value)).message;
    } else if (option.required && value === undefined && i + 1 < args.length) {
      // pflag gives a flag that needs a value the next word, even one that starts with "-"
      const next = args[++i] ?? '';
      if (next.startsWith('-'))
        argv.push(flag.startsWith('--') ? `${flag}=${next}` : `${flag}${next}`);
      else argv.push(arg, next);
    } else {
      if (option.required && value === undefined)
        missingValue = flag.startsWith('--') ? flag : `'${flag.slice(1)}' in ${flag}`;
      argv.push(arg);
    }
  }
  const shadowed = shorthands.find(({ option }) => shadows(command, option));
  return {
    path: names.join(' '),
    argv,
    ...(boolError ? { boolError } : {}),
    ...(missingValue ? { missingValue } : {}),
    ...(shadowed
      ? {
          shadowedShorthand: `unknown shorthand flag: '${shadowed.arg.slice(1, 2)}' in ${shadowed.arg.split('=')[0] ?? ''}`,
        }
      : {}),
  };
}

/**
 * Whether the command (cobra parses every flag against the command that runs) declares the
 * option's long name itself without the option's shorthand: pflag then knows no such shorthand.
 */
function shadows(command: Command, option: Option): boolean {
  if (!option.short || !option.long) return false;
  const own = findOwner(command, option.long);
  const mine = own?.options.find((o) => o.long === option.long);
  return mine !== undefined && mine !== option && mine.short !== option.short;
}

function splitAtEquals(arg: string): [string, string | undefined] {
  const index = arg.indexOf('=');
  return index < 0 ? [arg, undefined] : [arg.slice(0, index), arg.slice(index + 1)];
}

/** The option of a command or of one of its parents (global flags) spelled `flag`. */
function findOption(command: Command, flag: string): Option | undefined {
  return findOwner(command, flag)?.options.find((o) => o.long === flag || o.short === flag);
}

function findOwner(command: Command, flag: string): Command | undefined {
  for (let current: Command | null = command; current; current = current.parent)
    if (current.options.some((o) => o.long === flag || o.short === flag)) return current;
  return undefined;
}

/**
 * `--flag=false` of a bool that defaults to true (apply --overwrite, wait -R): commander sets
 * such a value only through a `--no-flag` option, added (hidden) to the command that owns it.
 */
function negation(command: Command, option: Option): string {
  const long = option.long ?? '';
  const negated = `--no-${long.replace(/^--/, '')}`;
  const owner = findOwner(command, long) ?? command;
  if (!owner.options.some((o) => o.long === negated))
    owner.addOption(new Option(negated).hideHelp());
  return negated;
}

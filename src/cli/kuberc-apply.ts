import type { Command, Option } from 'commander';
import { explicitKubercPath, kubercDisabled, loadPreference } from '../config/kuberc.js';
import type { Alias, OptionDefault, Preference } from '../config/kuberc.js';
import { KubercError } from '../errors/errors.js';
import type { FoundCommand } from './command-find.js';

/** The command tree as kuberc needs it: cobra's Find, and which names are built-in commands. */
export interface CommandLookup {
  root: Command;
  find(args: readonly string[]): FoundCommand | undefined;
  isBuiltin(name: string): boolean;
}

/** What the error texts call the program (kubectl puts its os.Args[0] there). */
const PROGRAM = 'ktl';

const ALIAS_NAME = /^[a-zA-Z]+$/;
const SHORTHANDS = /^-[a-zA-Z]+$/;
const BOOL_VALUE = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;

/**
 * kubectl's kuberc Preferences.Apply on the raw arguments (after the program name): an alias
 * given as the first word that is not a flag becomes its command, with its options, prependArgs
 * and appendArgs; then the defaults of the command the line runs are added as flags, unless
 * the line gives them. Returns the arguments to run; `newLookup` gives the command tree. Throws kubectl's errors (KubercError);
 * warnings go to `warn`.
 */
export async function applyKuberc(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  newLookup: () => CommandLookup,
  warn: (text: string) => void,
  cacheRoot?: string,
): Promise<string[]> {
  if (kubercDisabled(env) || args.length === 0) return [...args];
  const preference = await loadPreference(explicitKubercPath(args), env, warn, cacheRoot);
  if (!preference) return [...args];
  validate(preference);
  // built only now: without a kuberc, start-up does not pay for the command tree
  const lookup = newLookup();
  const aliased = applyAlias(args, preference, lookup, warn);
  return applyDefaults(aliased.args, aliased.alias, preference, lookup, warn);
}

/** kubectl's validate: alias names, long option names, no alias defined twice. */
function validate(preference: Preference): void {
  const longForm = (options: readonly OptionDefault[]): void => {
    for (const option of options)
      if (option.name.startsWith('-'))
        throw new KubercError(`flag name ${option.name} should be in long form without dashes`);
  };
  const names = new Set<string>();
  for (const alias of preference.aliases) {
    if (!ALIAS_NAME.test(alias.name))
      throw new KubercError('invalid alias name, can only include alphabetical characters');
    longForm(alias.options);
    if (names.has(alias.name)) throw new KubercError(`duplicate alias name ${alias.name}`);
    names.add(alias.name);
  }
  for (const defaults of preference.defaults) longForm(defaults.options);
}

/**
 * kubectl's applyAliases: only when the line names no built-in command, and only for the first
 * word without a dash (`ktl -n ns getcm` looks for an alias `ns`). The alias's words become its
 * command's; its options go in unless the line gives them.
 */
function applyAlias(
  args: readonly string[],
  preference: Preference,
  lookup: CommandLookup,
  warn: (text: string) => void,
): { args: string[]; alias?: string } {
  if (lookup.find(args)) return { args: [...args] };
  const index = args.findIndex((arg) => !arg.startsWith('-') && !arg.startsWith('__complete'));
  const name = args[index];
  const alias = preference.aliases.find((a) => a.name === name);
  if (!alias || name === undefined) return { args: [...args] };
  if (lookup.isBuiltin(alias.name)) {
    warn(`Warning: Setting alias "${alias.name}" to a built-in command is not supported\n`);
    return { args: [...args] };
  }
  const words = alias.command.split(/\s+/).filter((word) => word !== '');
  const target = lookup.find(words);
  if (!target)
    throw new KubercError(
      `command "${alias.command}" not found to set alias "${alias.name}": [${words.join(' ')}]`,
    );
  const options = optionTokens(target.command, alias.options, args, (option, value, error) =>
    aliasValueError(option, value, error),
  );
  return {
    args: [
      ...args.slice(0, index),
      ...target.wordIndexes.map((i) => words[i] ?? ''),
      ...options,
      ...alias.prependArgs,
      ...args.slice(index + 1),
      ...alias.appendArgs,
    ],
    alias: alias.name,
  };
}

function aliasValueError(option: OptionDefault, _value: string, error?: string): KubercError {
  if (error === undefined)
    return new KubercError(`invalid alias flag ${option.name} in alias ${PROGRAM}`);
  return new KubercError(
    `could not apply value ${option.default} to flag ${option.name} in alias ${PROGRAM} err: ${error}`,
  );
}

/**
 * kubectl's applyOverrides: the `defaults` entry for the command the line runs (matched by the
 * command's name, as kubectl matches it) adds its options after the command's words. An entry
 * naming no command only warns; defaults never apply to an alias, and naming one is an error.
 */
function applyDefaults(
  args: string[],
  alias: string | undefined,
  preference: Preference,
  lookup: CommandLookup,
  warn: (text: string) => void,
): string[] {
  const found = lookup.find(args);
  if (!found) return args;
  const tokens: string[] = [];
  for (const entry of preference.defaults) {
    const words = entry.command.split(/\s+/).filter((word) => word !== '');
    if (alias !== undefined && words[0] === alias)
      throw new KubercError(`alias ${alias} can not be overridden`);
    const target = lookup.find(words);
    if (!target) {
      warn(`Warning: command "${entry.command}" not found to set kuberc override\n`);
      continue;
    }
    if (alias !== undefined || target.command.name() !== found.command.name()) continue;
    tokens.push(
      ...optionTokens(found.command, entry.options, args, (option, value, error) =>
        error === undefined
          ? new KubercError(`invalid flag ${option.name} for command ${entry.command}`)
          : new KubercError(
              `could not apply override value ${value} to flag ${option.name} in command ${entry.command} err: ${error}`,
            ),
      ),
    );
  }
  if (tokens.length === 0) return args;
  const at = (found.wordIndexes.at(-1) ?? -1) + 1;
  return [...args.slice(0, at), ...tokens, ...args.slice(at)];
}

/**
 * The `--name=value` words for options the line does not give (kubectl's searchInArgs decides
 * what counts as given). `fail` builds the error for an unknown flag (no reason) or a value the
 * flag refuses.
 */
function optionTokens(
  command: Command,
  options: readonly OptionDefault[],
  args: readonly string[],
  fail: (option: OptionDefault, value: string, reason?: string) => KubercError,
): string[] {
  const all = allOptions(command);
  const shorthands = new Set(
    all.map((o) => o.short?.slice(1)).filter((s): s is string => s !== undefined),
  );
  const tokens: string[] = [];
  for (const option of options) {
    const flag = all.find((o) => o.long === `--${option.name}`);
    if (!flag) throw fail(option, option.default);
    if (givenInArgs(option.name, flag.short?.slice(1) ?? '', shorthands, args)) continue;
    if (isBool(flag) && !BOOL_VALUE.test(option.default))
      throw fail(
        option,
        option.default,
        `invalid argument "${option.default}" for "${pflagName(flag)}" flag: strconv.ParseBool: parsing "${option.default}": invalid syntax`,
      );
    tokens.push(`--${option.name}=${option.default}`);
  }
  return tokens;
}

/** How pflag names a flag in its errors: `-A, --all-namespaces` or `--append-hash`. */
function pflagName(option: Option): string {
  return option.short ? `${option.short}, ${option.long ?? ''}` : (option.long ?? '');
}

function allOptions(command: Command): Option[] {
  const options: Option[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    options.push(...current.options);
  return options;
}

function isBool(option: Option): boolean {
  return (!option.required && !option.optional) || option.flags.includes('[bool]');
}

/**
 * kubectl's searchInArgs: `--name`, `--name=…`, any word starting with `-<shorthand>` (so
 * `-oyaml` counts), or the shorthand inside a run of shorthands (`-it`). Every word is looked
 * at, those after `--` too, as kubectl does.
 */
export function givenInArgs(
  name: string,
  shorthand: string,
  shorthands: ReadonlySet<string>,
  args: readonly string[],
): boolean {
  for (const arg of args) {
    if (arg === `--${name}` || arg.startsWith(`--${name}=`)) return true;
    if (shorthand === '') continue;
    if (arg.startsWith(`-${shorthand}`)) return true;
    if (!SHORTHANDS.test(arg)) continue;
    // kubectl checks that the flag's own shorthand letters are all shorthands (it loops over
    // `shorthand`, not the word), then looks for the letter in the word
    if ([...shorthand].some((letter) => !shorthands.has(letter))) continue;
    if (arg.slice(1).includes(shorthand)) return true;
  }
  return false;
}

export type { Alias };

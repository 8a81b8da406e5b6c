import type { Command, Option } from 'commander';

/** Where a partial command line stands: the command reached, its flags and its positional args. */
export interface WalkResult {
  command: Command;
  /** Flag values seen, keyed by commander's attribute name (e.g. namespace, allNamespaces). */
  flags: Record<string, unknown>;
  positionals: string[];
  /** The flag whose value is being completed (the previous word was a flag that takes a value). */
  pendingFlag?: Option;
}

/** Every option a command accepts: its own and its ancestors' (global flags live on the root). */
export function optionsOf(command: Command): Option[] {
  const options: Option[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    options.push(...current.options);
  return options;
}

function findOption(command: Command, word: string): Option | undefined {
  return optionsOf(command).find((o) => o.long === word || o.short === word);
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

function record(flags: Record<string, unknown>, option: Option, value: unknown): void {
  const key = option.attributeName();
  const existing = flags[key];
  if (Array.isArray(existing)) existing.push(value);
  else if (existing !== undefined && typeof option.parseArg === 'function' && takesValue(option))
    flags[key] = [existing, value];
  else flags[key] = value;
}

/** Follows the words typed so far (not the one being completed) through the command tree. */
export function walkCommandLine(root: Command, words: readonly string[]): WalkResult {
  let command = root;
  const flags: Record<string, unknown> = {};
  const positionals: string[] = [];
  let pendingFlag: Option | undefined;
  let afterDoubleDash = false;
  for (const word of words) {
    if (pendingFlag) {
      record(flags, pendingFlag, word);
      pendingFlag = undefined;
      continue;
    }
    if (!afterDoubleDash && word === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && word.startsWith('-') && word.length > 1) {
      const eq = word.indexOf('=');
      const name = eq > 0 ? word.slice(0, eq) : word;
      const option = findOption(command, name);
      if (!option) continue;
      if (!takesValue(option)) record(flags, option, true);
      else if (eq > 0) record(flags, option, word.slice(eq + 1));
      else pendingFlag = option;
      continue;
    }
    const sub =
      positionals.length === 0
        ? command.commands.find((c) => c.name() === word || c.aliases().includes(word))
        : undefined;
    if (sub) command = sub;
    else positionals.push(word);
  }
  const result: WalkResult = { command, flags, positionals };
  if (pendingFlag) result.pendingFlag = pendingFlag;
  return result;
}

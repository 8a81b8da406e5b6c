import type { Command, Option } from 'commander';

/** Where cobra's Find ended: the command, and the index in the arguments of each word naming it. */
export interface FoundCommand {
  command: Command;
  wordIndexes: number[];
}

/** Every option a command accepts: its own and its ancestors' (global flags live on the root). */
function optionsOf(command: Command): Option[] {
  const options: Option[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    options.push(...current.options);
  return options;
}

/**
 * cobra's stripFlags for a command: the indexes of the words that are not flags or flag values.
 * A long flag without "=" that is not a known bool takes the next word (unknown ones too), as
 * does a two-character short flag that is not a bool, unless it is the last but one word.
 */
export function nonFlagIndexes(command: Command, args: readonly string[]): number[] {
  const bools = new Set<string>();
  for (const option of optionsOf(command)) {
    if (option.required || option.optional) continue;
    if (option.long) bools.add(option.long);
    if (option.short) bools.add(option.short);
  }
  const indexes: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    const long = arg.startsWith('--') && !arg.includes('=') && !bools.has(arg);
    const short = /^-[^-=]$/.test(arg) && !bools.has(arg);
    if (long || short) {
      if (args.length - i - 1 <= 1) break;
      i++;
    } else if (arg !== '' && !arg.startsWith('-')) indexes.push(i);
  }
  return indexes;
}

/**
 * cobra's Command.Find from the root: follows the non-flag words down the subcommands (names
 * and aliases), removing each word it used; undefined where cobra fails (words left over at
 * the root: an unknown command). `children` gives a command's subcommands, so the cli can build
 * top-level commands only when a lookup reaches them.
 */
export function cobraFind(
  root: Command,
  args: readonly string[],
  children: (command: Command) => readonly Command[] = (command) => command.commands,
): FoundCommand | undefined {
  let command = root;
  const remaining = args.map((arg, index) => ({ arg, index }));
  const wordIndexes: number[] = [];
  for (;;) {
    const words = nonFlagIndexes(
      command,
      remaining.map((r) => r.arg),
    );
    const first = words[0];
    if (first === undefined) break;
    const word = remaining[first]?.arg ?? '';
    const next = children(command).find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) {
      if (command === root) return undefined;
      break;
    }
    wordIndexes.push(remaining[first]?.index ?? 0);
    remaining.splice(first, 1);
    command = next;
  }
  return { command, wordIndexes };
}

import type { Command } from 'commander';
import type { IOStreams } from '../util/io-streams.js';
import { cobraFind, nonFlagIndexes } from './command-find.js';

const HELP_FLAGS = new Set(['-h', '--help']);

/**
 * `ktl help [COMMAND...]`, as cobra's help command: the words lead down the command tree as far
 * as they go (`help config view nosuch` is `config view`'s help); a first word that names no
 * command is `Unknown help topic` followed by the root's usage, on stderr, still exit 0.
 */
export function runHelpCommand(
  program: Command,
  words: readonly string[],
  streams: IOStreams,
): number {
  const found = cobraFind(program, words);
  if (!found) {
    const topic = words.map((word) => `\`${word}\``).join(' ');
    streams.err.write(`Unknown help topic [${topic}]\n\n\n${rootUsage(program)}`);
    return 0;
  }
  streams.out.write(found.command.helpInformation());
  return 0;
}

/** The root help without its description: what cobra's root Usage() prints. */
function rootUsage(program: Command): string {
  const help = program.helpInformation();
  const start = help.indexOf('\n\n');
  return start < 0 ? help : help.slice(start + 2);
}

/** The words after `help` when the command line is `[global flags] help WORDS...`. */
export function helpWords(program: Command, args: readonly string[]): string[] | undefined {
  const indexes = nonFlagIndexes(program, args);
  const first = indexes[0];
  if (first === undefined || args[first] !== 'help') return undefined;
  return indexes.slice(1).map((index) => args[index] ?? '');
}

/**
 * cobra finds the command before it reads --help, so `ktl nosuch --help` is an unknown command,
 * not the root's help (commander shows that): without the help flags, commander fails the
 * same way as without them. Other command lines are kept as they are.
 */
export function withoutHelpOfUnknownCommand(program: Command, args: string[]): string[] {
  if (!args.some((arg) => HELP_FLAGS.has(arg)) || cobraFind(program, args)) return args;
  return args.filter((arg) => !HELP_FLAGS.has(arg));
}

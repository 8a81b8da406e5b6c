import type { Command, Option } from 'commander';
import { helpOf } from '../../runtime/command-help.js';
import { flagDefaultText } from './flag-default.js';

/** kubectl wraps a flag's description at the terminal's width less this. */
const FLAG_WRAP_OFFSET = 10;
/** cobra pads command names in a list to at least this many characters. */
const MIN_NAME_PADDING = 11;

export const GLOBAL_OPTIONS_TIP =
  'Use "ktl options" for a list of global command-line options (applies to all commands).\n';

function isHidden(command: Command): boolean {
  return (command as Command & { _hidden?: boolean })._hidden === true;
}

/** The words from the root to this command: `ktl rollout status`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}

/**
 * Wraps text at `limit` columns as go-wordwrap does (kubectl's flag descriptions): words are
 * never split, a word longer than the limit stands alone on its line.
 */
export function wrapWords(text: string, limit: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** One option as kubectl prints it: `    -x, --name=DEFAULT:` then the tab-indented description. */
export function renderFlag(option: Option, width?: number): string {
  const short = option.short ? `${option.short}, ` : '';
  const head = `    ${short}${option.long ?? ''}=${flagDefaultText(option)}:`;
  const description =
    width === undefined
      ? option.description
      : wrapWords(option.description, width - FLAG_WRAP_OFFSET);
  return `${head}\n${description}`.replaceAll('\n', '\n\t');
}

/** Options sorted by long name (as pflag sorts them), hidden ones left out, blank-line separated. */
export function renderFlags(options: readonly Option[], width?: number): string {
  return [...options]
    .filter((o) => !o.hidden)
    .sort((a, b) => byteOrder(nameOf(a), nameOf(b)))
    .map((o) => renderFlag(o, width))
    .join('\n\n');
}

function nameOf(option: Option): string {
  return (option.long ?? option.short ?? '').replace(/^-+/, '');
}

/** Go's string order (pflag sorts flag names with it): by code unit, not by locale. */
function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The one-line description shown in command lists (kubectl's Short has no final period). */
export function shortOf(command: Command): string {
  const text = command.summary() || command.description();
  const firstLine = text.split('\n')[0] ?? '';
  return firstLine.replace(/\.$/, '');
}

/** `  name<pad> short` lines, names padded as cobra pads them. */
export function renderCommandList(commands: readonly Command[], padding?: number): string {
  const width = padding ?? listPadding(commands);
  return commands.map((c) => `  ${c.name().padEnd(width)} ${shortOf(c)}`.trimEnd()).join('\n');
}

/** cobra's name padding: the longest name (at least 11) plus two. */
export function listPadding(commands: readonly Command[]): number {
  return Math.max(MIN_NAME_PADDING, ...commands.map((c) => c.name().length)) + 2;
}

/** The subcommands a list shows, by name as cobra sorts them. */
export function visibleSubcommands(command: Command): Command[] {
  return command.commands.filter((c) => !isHidden(c)).sort((a, b) => byteOrder(a.name(), b.name()));
}

function usageLine(command: Command): string {
  const path = commandPath(command);
  const usage = helpOf(command).usage ?? (command as Command & { _usage?: string })._usage;
  if (usage !== undefined) {
    return usage.includes('[options]') ? `${path} ${usage}` : `${path} ${usage} [options]`;
  }
  if (visibleSubcommands(command).length > 0 && command.options.length === 0)
    return `${path} SUBCOMMAND [options]`;
  return command.options.length > 0 ? `${path} [flags] [options]` : `${path} [options]`;
}

/** The description: the long one if there is one, else the short one. */
function descriptionOf(command: Command): string {
  return (helpOf(command).long ?? command.description()).trim();
}

function indentExample(example: string): string {
  return example
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * A command's help in kubectl's layout: description, Examples, Available Commands, Options
 * (its own flags; the global ones are `ktl options`'), Usage, and the closing tips.
 */
export function renderCommandHelp(command: Command, width?: number): string {
  const help = helpOf(command);
  const subcommands = visibleSubcommands(command);
  const sections: string[] = [];
  if (command.aliases().length > 0)
    sections.push(`Aliases:\n${[command.name(), ...command.aliases()].join(', ')}`);
  if (help.example) sections.push(`Examples:\n${indentExample(help.example)}`);
  if (subcommands.length > 0)
    sections.push(`Available Commands:\n${renderCommandList(subcommands)}`);
  const options = [...command.options, ...(help.selfParsedOptions ?? [])].filter((o) => !o.hidden);
  if (options.length > 0) sections.push(`Options:\n${renderFlags(options, width)}`);
  sections.push(`Usage:\n  ${usageLine(command)}`);
  const tips =
    subcommands.length > 0
      ? `Use "${commandPath(command)} <command> --help" for more information about a given command.\n`
      : '';
  return `${descriptionOf(command)}\n\n${sections.map((s) => `${s}\n\n`).join('')}${tips}${GLOBAL_OPTIONS_TIP}`;
}

/** `ktl options`: the root's (global) flags under kubectl's header. */
export function renderGlobalOptions(root: Command, width?: number): string {
  return `The following options can be passed to any command:\n\n${renderFlags(root.options, width)}\n\n`;
}

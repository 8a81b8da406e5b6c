import type { Command } from 'commander';
import type { Candidate } from './directive.js';
import { optionsOf } from './command-walk.js';

/** Flags of a command matching a partial word, long names first as cobra lists them. */
export function flagCandidates(command: Command, partial: string): Candidate[] {
  const candidates: Candidate[] = [];
  const hidden = (o: { hidden?: boolean }): boolean => o.hidden === true;
  for (const option of optionsOf(command)) {
    if (hidden(option)) continue;
    if (option.long && option.long.startsWith(partial))
      candidates.push({ value: option.long, description: option.description });
    if (
      option.short &&
      partial.length <= 2 &&
      !partial.startsWith('--') &&
      option.short.startsWith(partial)
    ) {
      candidates.push({ value: option.short, description: option.description });
    }
  }
  if ('--help'.startsWith(partial))
    candidates.push({ value: '--help', description: `help for ${command.name()}` });
  return dedupe(candidates);
}

/** Subcommands matching a partial word, with their one-line descriptions. */
export function subcommandCandidates(command: Command, partial: string): Candidate[] {
  return command.commands
    .filter((c) => !(c as Command & { _hidden?: boolean })._hidden && c.name().startsWith(partial))
    .map((c) => ({ value: c.name(), description: c.description() }));
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => (seen.has(c.value) ? false : (seen.add(c.value), true)));
}

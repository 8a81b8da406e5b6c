import type { Command } from 'commander';

/**
 * A subcommand's flags, including those its parent group took from the command line: commander
 * parses a group's own flags (apply's -f, -o, -l...) anywhere after the group's name, so
 * `ktl apply view-last-applied cm/x -o json` hands `-o` to apply, not to view-last-applied.
 */
export function flagsWithGroup<T extends object>(command: Command): T {
  const own: Record<string, unknown> = { ...command.opts() };
  const group = command.parent;
  if (!group) return own as T;
  for (const option of command.options) {
    const key = option.attributeName();
    if (group.getOptionValueSource(key) === 'cli') own[key] = group.getOptionValue(key);
  }
  return own as T;
}

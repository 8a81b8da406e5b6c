import type { Command } from 'commander';

/**
 * Every value given on the command line to a flag that a command declares again over a global
 * one (set subject's --user, debug's --profile). In kubectl the command's own flag shadows the
 * global one; commander hands such a flag to the root instead, so the command reads it here.
 */
export function shadowedFlagValues(command: Command, flag: string): string[] {
  return flagValues(rawArgsOf(command), flag);
}

/** The command line as the root command was given it (commander keeps it as rawArgs). */
function rawArgsOf(command: Command): readonly string[] {
  let root = command;
  while (root.parent) root = root.parent;
  return (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
}

/** Every value given to a flag on the command line (`--flag=v` or `--flag v`), in order. */
function flagValues(args: readonly string[], flag: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
    else if (arg === flag && i + 1 < args.length) values.push(args[++i] ?? '');
  }
  return values;
}

import type { Command } from 'commander';
import { findPluginCommand } from '../config/plugin-path.js';
import { nonFlagIndexes } from './command-find.js';
import type { PluginCommand } from '../config/plugin-path.js';

/** First words that never run a plugin, as in kubectl (help and cobra's completion requests). */
const NEVER_PLUGINS = new Set(['help', '__complete', '__completeNoDesc']);

/** The one built-in command whose unknown subcommands may be plugins (kubectl's list). */
const SUBCOMMAND_PLUGIN_PARENT = 'create';

/**
 * The plugin a command line runs, as kubectl's NewDefaultKubectlCommandWithArgs decides: only
 * when no built-in command takes it (built-ins always win), except `create <x>` with no
 * built-in `x`, which may run `ktl-create-x` / `kubectl-create-x`. Throws kubectl's refusal
 * when the line starts with a flag and names no command.
 *
 * `root` holds the global flags; `isBuiltin` tells a top-level command name; `createSubcommands`
 * builds the names of create's subcommands when they are needed.
 */
export function pluginToRun(
  root: Command,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  isBuiltin: (name: string) => boolean,
  createSubcommands: () => readonly string[],
): PluginCommand | undefined {
  if (args.length === 0) return undefined;
  const invoked = args[nonFlagIndexes(root, args)[0] ?? -1];
  if (invoked === undefined) return undefined;
  if (isBuiltin(invoked)) {
    const sub = args[1];
    if (args[0] !== SUBCOMMAND_PLUGIN_PARENT || sub === undefined || sub.startsWith('-'))
      return undefined;
    if (createSubcommands().includes(sub)) return undefined;
    return findPluginCommand(args, env, 2);
  }
  // kubectl names the command by the first word that is not a flag, whatever flag came before
  const firstWord = args.find((arg) => !arg.startsWith('-'));
  if (firstWord !== undefined && NEVER_PLUGINS.has(firstWord)) return undefined;
  return findPluginCommand(args, env);
}

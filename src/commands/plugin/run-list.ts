import { basename } from 'node:path';
import type { Command } from 'commander';
import { isExecutableFile, PLUGIN_PREFIXES, scanPluginFiles } from '../../config/plugin-path.js';
import { MultipleErrors, PrefixedError } from '../../errors/errors.js';
import type { IOStreams } from '../../util/io-streams.js';
import { commandPathOf } from '../../runtime/command-context.js';

/**
 * `ktl plugin list`: kubectl's PluginListOptions.Run. Each plugin file on PATH goes to stdout,
 * its warnings to stderr right after it; any warning, or no plugin at all, fails the command.
 */
export function runPluginList(
  command: Command,
  nameOnly: boolean,
  streams: IOStreams,
  env: NodeJS.ProcessEnv,
): void {
  const scan = scanPluginFiles(env);
  for (const { dir, reason } of scan.unreadable)
    streams.err.write(`Unable to read directory "${dir}" from your PATH: ${reason}. Skipping...\n`);
  const errors: PrefixedError[] = [];
  if (scan.files.length > 0)
    streams.out.write('The following compatible plugins are available:\n\n');
  else errors.push(new PrefixedError('unable to find any kubectl plugins in your PATH'));
  const verifier = new PluginVerifier(rootOf(command));
  let warnings = 0;
  for (const path of scan.files) {
    streams.out.write(`${nameOnly ? basename(path) : path}\n`);
    for (const problem of verifier.verify(path)) {
      streams.err.write(`  - ${problem}\n`);
      warnings++;
    }
  }
  if (warnings === 1) errors.push(new PrefixedError('one plugin warning was found'));
  else if (warnings > 1) errors.push(new PrefixedError(`${warnings} plugin warnings were found`));
  // kubectl's Aggregate of errors that each read `error: …`
  if (errors.length > 0) throw new MultipleErrors(errors);
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/** kubectl's CommandOverrideVerifier: executable, not overshadowed, not shadowed by a built-in. */
class PluginVerifier {
  /** The first path seen for each plugin name (the name without its prefix, see below). */
  private readonly seen = new Map<string, string>();

  constructor(private readonly root: Command) {}

  verify(path: string): string[] {
    const problems: string[] = [];
    const name = basename(path);
    if (!isExecutableFile(path))
      problems.push(`warning: ${path} identified as a kubectl plugin, but it is not executable`);
    // ktl runs ktl-foo before kubectl-foo, so each overshadows the later one of the same name.
    const key = withoutPrefix(name);
    const earlier = this.seen.get(key);
    if (earlier !== undefined)
      problems.push(`warning: ${path} is overshadowed by a similarly named plugin: ${earlier}`);
    else this.seen.set(key, path);
    const builtin = this.builtinNamed(name.split('-').slice(1));
    if (builtin)
      problems.push(`warning: ${name} overwrites existing command: "${commandPathOf(builtin)}"`);
    return problems;
  }

  /**
   * cobra's Find on the plugin's words: the deepest built-in command they name, when the first
   * one is a top-level command (an empty name is the root itself).
   */
  private builtinNamed(words: readonly string[]): Command | undefined {
    if (words.length === 1 && words[0] === '') return this.root;
    let command: Command | undefined;
    let children = this.root.commands;
    for (const word of words) {
      const next = children.find((c) => c.name() === word || c.aliases().includes(word));
      if (!next) break;
      command = next;
      children = next.commands;
    }
    return command;
  }
}

function withoutPrefix(name: string): string {
  const prefix = PLUGIN_PREFIXES.find((p) => name.startsWith(`${p}-`));
  return prefix ? name.slice(prefix.length + 1) : name;
}

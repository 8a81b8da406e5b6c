import type { Command } from 'commander';
import {
  lookPath,
  PLUGIN_PREFIXES,
  pluginWords,
  scanPluginFiles,
} from '../../config/plugin-path.js';
import type { Candidate, Completion } from './directive.js';
import { Directive } from './directive.js';

/** A plugin's words as commands: `kubectl-foo-bar` is `foo` with a subcommand `bar`. */
interface PluginNode {
  children: Map<string, PluginNode>;
}

/**
 * kubectl's registerPluginCommands: the plugins on PATH as a tree of command words ("_" in a
 * file name is "-" on the command line). Plugins named after a built-in command are left out:
 * completion of a built-in never reaches them.
 */
function pluginTree(root: Command, env: NodeJS.ProcessEnv): PluginNode {
  const tree: PluginNode = { children: new Map() };
  const builtins = new Set(root.commands.map((c) => c.name()));
  for (const file of scanPluginFiles(env).files) {
    const words = pluginWords(file);
    if (words.length === 0 || words[0] === '' || builtins.has(words[0] ?? '')) continue;
    let node = tree;
    for (const word of words) {
      let child = node.children.get(word);
      if (!child) node.children.set(word, (child = { children: new Map() }));
      node = child;
    }
  }
  return tree;
}

/** The plugins' top-level names matching a partial command name, as kubectl offers them. */
export function pluginNameCandidates(
  root: Command,
  partial: string,
  env: NodeJS.ProcessEnv,
): Candidate[] {
  return [...pluginTree(root, env).children.keys()]
    .filter((name) => name.startsWith(partial))
    .sort()
    .map((name) => ({
      value: name,
      description: pluginDescription(name),
    }));
}

/**
 * kubectl's plugin completion: when the first word names a plugin rather than a built-in, the
 * words go (flags included, unparsed) to the plugin's completion program, `ktl_complete-<path>`
 * or `kubectl_complete-<path>` on PATH, whose output lines are the candidates and whose last
 * line `:<n>` is cobra's directive. Undefined when the first word is a built-in command (or a
 * flag).
 */
export async function completePluginLine(
  root: Command,
  words: readonly string[],
  partial: string,
  env: NodeJS.ProcessEnv,
): Promise<Completion | undefined> {
  const first = words[0];
  if (first === undefined || first.startsWith('-')) return undefined;
  if (root.commands.some((c) => c.name() === first)) return undefined;
  let node = pluginTree(root, env);
  const path: string[] = [];
  for (const word of words) {
    const child = node.children.get(word);
    if (!child) break;
    node = child;
    path.push(word);
  }
  // cobra cannot find a command for the words: nothing, and the default directive
  if (path.length === 0) return { candidates: [], directive: Directive.Default };
  const name = path.map((word) => word.replaceAll('-', '_')).join('-');
  const program = PLUGIN_PREFIXES.map((prefix) => lookPath(`${prefix}_complete-${name}`, env)).find(
    (found) => found !== undefined,
  );
  const args = words.slice(path.length);
  // cobra offers a command's subcommands before its first argument: here nested plugins
  const nested =
    args.length === 0
      ? [...node.children.keys()]
          .filter((child) => child.startsWith(partial))
          .sort()
          .map((child) => ({ value: child, description: pluginDescription(child) }))
      : [];
  if (!program) return { candidates: nested, directive: Directive.Default };
  const { runCompletionProgram } = await import('./plugin-program.js');
  const answer = await runCompletionProgram(program, [...args, partial], env);
  return { ...answer, candidates: [...nested, ...answer.candidates] };
}

function pluginDescription(name: string): string {
  return `The command ${name} is a plugin installed by the user`;
}

import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { PluginDispatchError } from '../errors/errors.js';

/**
 * Plugins are executables on PATH named `<prefix>-<name>` (kubectl's mechanism). ktl's own
 * prefix comes first, so a `ktl-foo` wins over a `kubectl-foo` for ktl, and every krew plugin
 * (`kubectl-foo`) works unchanged.
 */
export const PLUGIN_PREFIXES = ['ktl', 'kubectl'] as const;

/** PATH's directories in order, as Go's filepath.SplitList gives them ("" stays, meaning "."). */
export function pathDirectories(env: NodeJS.ProcessEnv): string[] {
  const path = env['PATH'] ?? '';
  return path === '' ? [] : path.split(delimiter);
}

/** Whether a file is a regular file that may be executed (Go's exec.LookPath test). */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Go's exec.LookPath: a name with a slash is tried as it is, any other in each PATH directory
 * ("" meaning the working directory, which kubectl accepts too). The path is absolute unless
 * PATH held a relative directory.
 */
export function lookPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (name.includes('/')) return isExecutableFile(name) ? name : undefined;
  for (const dir of pathDirectories(env)) {
    const candidate = join(dir === '' ? '.' : dir, name);
    if (isExecutableFile(candidate)) return dir === '' ? `./${name}` : candidate;
  }
  return undefined;
}

/** A plugin found for a command line: its executable and the arguments it is given. */
export interface PluginCommand {
  path: string;
  args: string[];
}

/**
 * kubectl's HandlePluginCommand lookup: the words before the first flag, each with "-" made
 * "_", joined with "-"; the longest run of words naming an executable wins (`foo bar baz` tries
 * `foo-bar-baz`, `foo-bar`, `foo`), never fewer than `minWords`. Each run tries ktl's prefix, then
 * kubectl's. The plugin gets every argument after the words it is named by, flags included.
 */
export function findPluginCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  minWords = 1,
): PluginCommand | undefined {
  const words: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-')) break;
    words.push(arg.replaceAll('-', '_'));
  }
  if (words.length === 0)
    throw new PluginDispatchError(`flags cannot be placed before plugin name: ${args[0] ?? ''}`);
  for (const prefix of PLUGIN_PREFIXES) {
    for (let count = words.length; count >= minWords && count > 0; count--) {
      const path = lookPath(`${prefix}-${words.slice(0, count).join('-')}`, env);
      if (path) return { path: absoluteIfRelative(path), args: args.slice(count) };
    }
  }
  return undefined;
}

function absoluteIfRelative(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

/** What `plugin list` found: plugin files in PATH order, and the directories it could not read. */
export interface PluginScan {
  files: string[];
  unreadable: Array<{ dir: string; reason: string }>;
}

/**
 * kubectl's ListPlugins: every non-directory entry named `<prefix>-…` in each distinct PATH
 * directory, in directory order (an empty entry is skipped here, as kubectl does).
 */
export function scanPluginFiles(env: NodeJS.ProcessEnv): PluginScan {
  const scan: PluginScan = { files: [], unreadable: [] };
  const seen = new Set<string>();
  for (const dir of pathDirectories(env)) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (dir.trim() === '') continue;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      scan.unreadable.push({ dir, reason: goPathError('open', dir, error) });
      continue;
    }
    // Go's os.ReadDir gives an entry's own type: a symbolic link to a directory is listed.
    const names = entries
      .filter((entry) => !entry.isDirectory())
      .map((entry) => entry.name)
      .filter((name) => PLUGIN_PREFIXES.some((prefix) => name.startsWith(`${prefix}-`)))
      .sort();
    for (const name of names) scan.files.push(join(dir, name));
  }
  return scan;
}

/**
 * The command words of a plugin file (`kubectl-foo-my_tool` is `foo my-tool`: "_" in a file name
 * is "-" on the command line), as kubectl's plugin completion and help read them.
 */
export function pluginWords(path: string): string[] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name
    .split('-')
    .slice(1)
    .map((word) => word.replaceAll('_', '-'));
}

/** A *PathError as Go prints it: `open /x: no such file or directory`. */
function goPathError(op: string, path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return `${op} ${path}: ${GO_ERRNO_TEXT[code] ?? (error instanceof Error ? error.message : String(error))}`;
}

/** Go's texts for the errno values a directory read or an exec meets. */
export const GO_ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ENOEXEC: 'exec format error',
  ELOOP: 'too many levels of symbolic links',
};

import { loadJsYaml } from '../util/load-js-yaml.js';
import { loadYaml } from '../util/load-yaml.js';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PlainError } from '../errors/errors.js';
import { kubeConfigFromObject } from './kubeconfig-parse.js';
import { restoreCredentials, withoutCredentials } from './credential-ranges.js';
import { ParsedKubeConfigCache } from './parsed-cache.js';
import type { KubeConfig, KubeConfigFile, Stanza } from './kubeconfig-types.js';

/** The default kubeconfig, ~/.kube/config (HOME as client-go reads it). */
export function defaultKubeConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['HOME'] ?? homedir(), '.kube', 'config');
}

/** The files kubectl would load, in precedence order, and whether they came from an explicit flag. */
export function kubeConfigPaths(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (flag) return [flag];
  const list = env['KUBECONFIG'];
  if (list) {
    const unique: string[] = [];
    for (const entry of list.split(delimiter)) {
      if (entry !== '' && !unique.includes(entry)) unique.push(entry);
    }
    return unique;
  }
  return [defaultKubeConfigPath(env)];
}

/**
 * Parses YAML text of a kubeconfig file. The yaml module is loaded only on a miss of the parsed
 * cache (when one is given), so a warm start never pays for it.
 */
export async function parseKubeConfigText(
  text: string,
  path: string,
  cache?: ParsedKubeConfigCache,
): Promise<KubeConfigFile> {
  const key = cache ? ParsedKubeConfigCache.key(`${CACHE_FORMAT}\n${text}`) : '';
  const hit = cache?.read(key, `kubeconfig:${path}`);
  if (hit) return kubeConfigFromObject(restoreCredentials(hit.value, text), path);
  const { raw, cacheable } = await parseYamlDocument(text, path);
  if (cacheable !== undefined) cache?.write(key, cacheable, `kubeconfig:${path}`);
  return kubeConfigFromObject(raw, path);
}

/** Part of the cache key: entries of the format that held credentials are never read. */
const CACHE_FORMAT = 'kubeconfig-no-credentials-1';

/**
 * The file's value, and the same value without credentials for the cache. js-yaml reads it
 * (a 10 MB kubeconfig took `yaml`'s Document API 15 s of CPU, js-yaml well under 1 s), with
 * the same YAML 1.2 core types as before and the last of duplicate keys winning; a text it
 * refuses goes through `yaml`, whose message (or value, where it is laxer) stays what it was.
 */
async function parseYamlDocument(
  text: string,
  path: string,
): Promise<{ raw: unknown; cacheable: unknown }> {
  let raw: unknown;
  try {
    raw = await parseFast(text);
  } catch {
    raw = await parseWithMessages(text, path);
  }
  return { raw, cacheable: withoutCredentials(raw, text) };
}

async function parseFast(text: string): Promise<unknown> {
  const jsYaml = await loadJsYaml();
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true }) ?? null;
}

async function parseWithMessages(text: string, path: string): Promise<unknown> {
  const yaml = await loadYaml();
  try {
    const doc = yaml.parseDocument(text, { prettyErrors: true, uniqueKeys: false });
    const [first] = doc.errors;
    if (first) throw first;
    return doc.toJS();
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    const where = line === undefined ? '' : `line ${line}: `;
    throw new PlainError(
      `error loading config file "${path}": yaml: ${where}${reason.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
}

/**
 * The file named by --kubeconfig does not exist. Most commands fail with kubectl's `stat`
 * message; the `config` commands start from an empty config instead, as kubectl's
 * PathOptions.GetStartingConfig does, so `config set-*` can create the file.
 */
export class KubeConfigMissingError extends PlainError {
  constructor(readonly path: string) {
    super(`stat ${path}: no such file or directory`);
  }
}

/**
 * Loads and merges kubeconfig files as client-go does: with --kubeconfig that file only (a
 * missing one is fatal); otherwise every existing file of KUBECONFIG or ~/.kube/config, the
 * first definition of a name winning the whole stanza.
 */
export async function loadKubeConfig(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cacheRoot?: string,
): Promise<KubeConfig> {
  const cache = cacheRoot ? new ParsedKubeConfigCache(cacheRoot) : undefined;
  const paths = kubeConfigPaths(flag, env);
  const files: KubeConfigFile[] = [];
  for (const path of paths) {
    const text = readIfPresent(path, flag !== undefined && flag !== '');
    if (text === undefined) continue;
    files.push(await parseKubeConfigText(text, path, cache));
  }
  return mergeKubeConfigs(files);
}

function readIfPresent(path: string, required: boolean): string | undefined {
  try {
    const info = statSync(path);
    // client-go reads whatever the path names: a directory fails the load (it was skipped,
    // and ktl silently fell back to localhost:8080).
    if (info.isDirectory())
      throw new PlainError(`error loading config file "${path}": read ${path}: is a directory`);
    if (!info.isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof PlainError) throw error;
    if (required) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file or directory'
          : ((error as Error).message ?? String(error));
      if (code === 'ENOENT') throw new KubeConfigMissingError(path);
      throw new PlainError(`stat ${path}: ${why}`);
    }
    return undefined;
  }
}

/** Merges parsed files by kubectl's rules (first file wins a name; first non-empty current-context). */
export function mergeKubeConfigs(files: KubeConfigFile[]): KubeConfig {
  const merged: KubeConfig = {
    files: files.map((f) => f.path),
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    currentContext: '',
    preferences: {},
    extensions: [],
  };
  // A Set, not a search of the merged list per entry: 86,000 extensions took 11 s that way.
  const extensionNames = new Set<string>();
  for (const file of files) {
    addFirst(merged.clusters, file.clusters);
    addFirst(merged.users, file.users);
    addFirst(merged.contexts, file.contexts);
    if (merged.currentContext === '' && file.currentContext !== '')
      merged.currentContext = file.currentContext;
    for (const [key, value] of Object.entries(file.preferences)) {
      if (!(key in merged.preferences) && value) merged.preferences[key] = value;
    }
    for (const ext of file.extensions) {
      if (extensionNames.has(ext.name)) continue;
      extensionNames.add(ext.name);
      merged.extensions.push(ext);
    }
  }
  return merged;
}

function addFirst<T>(target: Map<string, Stanza<T>>, stanzas: Stanza<T>[]): void {
  for (const stanza of stanzas) if (!target.has(stanza.name)) target.set(stanza.name, stanza);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubercError } from '../errors/errors.js';
import type * as YamlModule from 'yaml';
import { loadYaml } from '../util/load-yaml.js';
import { ParsedKubeConfigCache } from './parsed-cache.js';

/** One flag default: `--name=default` (the name in long form, without dashes). */
export interface OptionDefault {
  name: string;
  default: string;
}

/** Defaults for the options of a command (`get`, `create configmap`, `set env`). */
export interface CommandDefaults {
  command: string;
  options: OptionDefault[];
}

/** An alias: `name` runs `command` with `prependArgs`, the user's words and `appendArgs`. */
export interface Alias {
  name: string;
  command: string;
  prependArgs: string[];
  appendArgs: string[];
  options: OptionDefault[];
}

/**
 * kubectl's Preference (kubectl.config.k8s.io), v1beta1's `defaults`/`options` and v1alpha1's
 * `overrides`/`flags` read into one shape.
 */
export interface Preference {
  defaults: CommandDefaults[];
  aliases: Alias[];
}

/** What decoding a kuberc file gave: kubectl's DefaultGetPreferences outcomes. */
export interface KubercDecoded {
  preference?: Preference;
  /** The strict-decoding problems of the Preference used (unknown or duplicate fields). */
  strictError?: string;
  /** Documents were there but none was a usable Preference. */
  noValidPreference?: boolean;
}

/** kubectl's feature gate: KUBECTL_KUBERC=false removes kuberc, its flag included. */
export function kubercDisabled(env: NodeJS.ProcessEnv): boolean {
  return (env['KUBECTL_KUBERC'] ?? '').toLowerCase() === 'false';
}

/** ~/.kube/kuberc (HOME as client-go reads it). */
export function defaultKubercPath(env: NodeJS.ProcessEnv): string {
  return join(env['HOME'] ?? '', '.kube', 'kuberc');
}

/**
 * kubectl's getExplicitKuberc: `--kuberc PATH` or `--kuberc=PATH` anywhere before `--` (read
 * from the raw words: flags are not parsed yet). A flag with no value is an error.
 */
export function explicitKubercPath(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (arg === '--kuberc') {
      const next = args[i + 1];
      if (next === undefined) throw new KubercError('kuberc file is not found');
      return next || undefined;
    }
    if (arg.includes('--kuberc=')) {
      const value = arg.split('=')[1] ?? '';
      if (value === '') throw new KubercError('kuberc file is not found');
      return value;
    }
  }
  return undefined;
}

/**
 * kubectl's DefaultGetPreferences: the Preference to apply, if any. `KUBERC=off` turns kuberc
 * off (and clashes with --kuberc). The default file may be missing (nothing happens) or broken
 * (a warning, and nothing is applied); an explicit one must be readable and hold a Preference.
 * Unknown fields only warn. Warnings are written without a final newline, as kubectl's are.
 *
 * A missing file costs one failed read: no YAML parser is loaded. A present one is parsed once
 * per content (the decoded result is cached by hash, as parsed kubeconfigs are).
 */
export async function loadPreference(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
  warn: (text: string) => void,
  cacheRoot?: string,
): Promise<Preference | undefined> {
  if (env['KUBERC'] === 'off') {
    if (explicit)
      throw new KubercError(
        'kuberc error disabling kuberc via KUBERC=off and passing kuberc flag are mutually exclusive',
      );
    return undefined;
  }
  const path = explicit ?? defaultKubercPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return undefined;
    const reason = readErrorText(path, code, error);
    if (explicit) throw new KubercError(`kuberc error kuberc: ${reason}`);
    warn(`kuberc: no preferences loaded from ${path}: ${reason}`);
    return undefined;
  }
  const decoded = await decodeCached(text, cacheRoot);
  if (decoded.preference && decoded.strictError !== undefined) {
    warn(`kuberc: ignoring strict decoding error in ${path}: ${decoded.strictError}`);
    return decoded.preference;
  }
  if (decoded.noValidPreference) {
    const reason = `no valid preferences found in ${path}, use --v=5 to see details`;
    if (explicit) throw new KubercError(`kuberc error kuberc: ${reason}`);
    warn(`kuberc: no preferences loaded from ${path}: ${reason}`);
    return undefined;
  }
  return decoded.preference;
}

function readErrorText(path: string, code: string | undefined, error: unknown): string {
  if (code === 'ENOENT') return `open ${path}: no such file or directory`;
  if (code === 'EACCES') return `open ${path}: permission denied`;
  if (code === 'EISDIR') return `read ${path}: is a directory`;
  return error instanceof Error ? error.message : String(error);
}

/** Part of the cache key: change it whenever decodeKuberc's result for a text may change. */
const DECODED_FORMAT = 'kuberc-decoded-3';

async function decodeCached(text: string, cacheRoot: string | undefined): Promise<KubercDecoded> {
  const cache = cacheRoot ? new ParsedKubeConfigCache(cacheRoot) : undefined;
  const key = ParsedKubeConfigCache.key(`${DECODED_FORMAT}\n${text}`);
  const hit = cache?.read(key, 'kuberc');
  if (hit && typeof hit.value === 'object' && hit.value !== null) return hit.value as KubercDecoded;
  const decoded = await decodeKuberc(text);
  cache?.write(key, decoded, 'kuberc');
  return decoded;
}

/**
 * kubectl's decodePreference: the first document that decodes as a Preference wins (strictly,
 * or leniently with its strict errors kept); others are skipped. Documents are split on `---`
 * lines as apimachinery's YAML reader splits them; blank ones do not count.
 */
export async function decodeKuberc(text: string): Promise<KubercDecoded> {
  const documents = splitYamlDocuments(text).filter((doc) => doc.trim() !== '');
  if (documents.length === 0) return {};
  const yaml = await loadYaml();
  for (const document of documents) {
    const lines = new yaml.LineCounter();
    // sigs.k8s.io/yaml reads YAML 1.1 (yes/no/on/off are bools); a key given twice is kept
    // (the last wins) and reported by the strict decoder
    const parsed = yaml.parseDocument(document, {
      version: '1.1',
      uniqueKeys: false,
      lineCounter: lines,
    });
    if (parsed.errors.length > 0) continue;
    const duplicates = duplicateKeyLines(parsed.contents, lines, yaml);
    const decoded = decodePreferenceObject(parsed.toJS(), duplicates);
    if (decoded) return decoded;
  }
  return { noValidPreference: true };
}

/** apimachinery's YAMLReader: a line starting with `---` and nothing but a comment after it. */
export function splitYamlDocuments(text: string): string[] {
  const documents: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const rest = line.startsWith('---') ? line.slice(3).trim() : undefined;
    if (rest !== undefined && (rest === '' || rest.startsWith('#'))) {
      documents.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  documents.push(current.join('\n'));
  return documents;
}

const GROUP = 'kubectl.config.k8s.io';

/** The two versions' field names: v1beta1 `defaults`/`options`, v1alpha1 `overrides`/`flags`. */
const VERSION_FIELDS: Readonly<Record<string, { defaults: string; options: string }>> = {
  [`${GROUP}/v1beta1`]: { defaults: 'defaults', options: 'options' },
  [`${GROUP}/v1alpha1`]: { defaults: 'overrides', options: 'flags' },
};

/** A value that JSON decoding into the Go types refused (the document is skipped). */
class TypeMismatch extends Error {}

/**
 * Decodes one document into a Preference as the scheme's lenient decoder would (undefined when
 * it would fail: not a Preference of a known version, or a field of the wrong type), collecting
 * what the strict decoder would have refused: unknown fields, and keys given twice.
 */
function decodePreferenceObject(
  raw: unknown,
  duplicates: readonly string[],
): KubercDecoded | undefined {
  if (!isObject(raw)) return undefined;
  const apiVersion = raw['apiVersion'];
  const fields = typeof apiVersion === 'string' ? VERSION_FIELDS[apiVersion] : undefined;
  if (!fields || raw['kind'] !== 'Preference') return undefined;
  const problems: string[] = [];
  try {
    const reader = new FieldReader(problems);
    const top = reader.object(raw, '', ['apiVersion', 'kind', fields.defaults, 'aliases']);
    const optionList = (value: unknown, path: string): OptionDefault[] =>
      reader.list(value, path, (item, itemPath) => {
        const option = reader.object(item, itemPath, ['name', 'default']);
        return {
          name: reader.string(option['name']),
          default: reader.string(option['default']),
        };
      });
    const defaults = reader.list(top[fields.defaults], fields.defaults, (item, path) => {
      const entry = reader.object(item, path, ['command', fields.options]);
      return {
        command: reader.string(entry['command']),
        options: optionList(entry[fields.options], `${path}.${fields.options}`),
      };
    });
    const aliasFields = ['name', 'command', 'prependArgs', 'appendArgs', fields.options];
    const aliases = reader.list(top['aliases'], 'aliases', (item, path) => {
      const entry = reader.object(item, path, aliasFields);
      return {
        name: reader.string(entry['name']),
        command: reader.string(entry['command']),
        prependArgs: reader.list(entry['prependArgs'], '', (word) => reader.string(word)),
        appendArgs: reader.list(entry['appendArgs'], '', (word) => reader.string(word)),
        options: optionList(entry[fields.options], `${path}.${fields.options}`),
      };
    });
    const decoded: KubercDecoded = { preference: { defaults, aliases } };
    // apimachinery's strict errors: go-yaml's duplicate keys first, then the unknown fields,
    // sorted
    const strict = [...(duplicates.length > 0 ? [yamlUnmarshalErrors(duplicates)] : [])];
    strict.push(...problems.sort());
    if (strict.length > 0) decoded.strictError = `strict decoding error: ${strict.join(', ')}`;
    return decoded;
  } catch (error) {
    if (error instanceof TypeMismatch) return undefined;
    throw error;
  }
}

/** Reads decoded YAML into the Go types' shapes, noting unknown fields on the way. */
class FieldReader {
  constructor(private readonly problems: string[]) {}

  object(value: unknown, path: string, known: readonly string[]): Record<string, unknown> {
    if (value === null || value === undefined) return {};
    if (!isObject(value)) throw new TypeMismatch();
    for (const key of Object.keys(value))
      if (!known.includes(key))
        this.problems.push(`unknown field "${path ? `${path}.` : ''}${key}"`);
    return value;
  }

  list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) throw new TypeMismatch();
    return value.map((entry, i) => item(entry, `${path}[${i}]`));
  }

  string(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'string') throw new TypeMismatch();
    return value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function yamlUnmarshalErrors(lines: readonly string[]): string {
  return `yaml: unmarshal errors:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

/** go-yaml's `line N: key "K" already set in map` for each key given twice in a mapping. */
function duplicateKeyLines(
  node: unknown,
  lines: YamlModule.LineCounter,
  yaml: typeof YamlModule,
): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (yaml.isMap<unknown, unknown>(value)) {
      const seen = new Set<unknown>();
      for (const pair of value.items) {
        const key = yaml.isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && yaml.isScalar(pair.key)) {
          // go-yaml names the line of the value (a block sequence's first `-`)
          const at = (pair.value as { range?: [number, number, number] } | null)?.range?.[0];
          const line = lines.linePos(at ?? pair.key.range?.[0] ?? 0).line;
          found.push(`line ${line}: key ${JSON.stringify(String(key))} already set in map`);
        }
        seen.add(key);
        visit(pair.value);
      }
    } else if (yaml.isSeq<unknown>(value)) value.items.forEach(visit);
  };
  visit(node);
  return found;
}

import { PlainError } from '../errors/errors.js';
import type { KubeConfigFile, NamedExtension, Stanza } from './kubeconfig-types.js';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns one file's parsed YAML into stanzas. Like client-go, an empty file is an empty config
 * and a name defined twice in one file is an error.
 */
export function kubeConfigFromObject(raw: unknown, path: string): KubeConfigFile {
  const doc: Json =
    raw === null || raw === undefined ? {} : requireRecord(raw, path, 'the document');
  return {
    path,
    clusters: stanzas(doc, 'clusters', 'cluster', path),
    users: stanzas(doc, 'users', 'user', path),
    contexts: stanzas(doc, 'contexts', 'context', path),
    currentContext: typeof doc['current-context'] === 'string' ? doc['current-context'] : '',
    preferences: isRecord(doc['preferences']) ? doc['preferences'] : {},
    extensions: Array.isArray(doc['extensions']) ? (doc['extensions'] as NamedExtension[]) : [],
  };
}

function requireRecord(value: unknown, path: string, what: string): Json {
  if (!isRecord(value)) {
    throw new PlainError(`error loading config file "${path}": ${what} is not a map`);
  }
  return value;
}

function stanzas<T>(doc: Json, listKey: string, itemKey: string, path: string): Stanza<T>[] {
  const list = doc[listKey];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    throw new PlainError(`error loading config file "${path}": ${listKey} must be a list`);
  }
  const seen = new Set<string>();
  return list.map((item: unknown) => {
    const entry = requireRecord(item, path, `an entry of ${listKey}`);
    const name = typeof entry['name'] === 'string' ? entry['name'] : '';
    if (seen.has(name)) {
      throw new PlainError(`error loading config file "${path}": duplicate name "${name}" in list`);
    }
    seen.add(name);
    const value = requireRecord(entry[itemKey] ?? {}, path, `${listKey} "${name}"`);
    for (const key of DATA_FIELDS) {
      const data = value[key];
      if (typeof data === 'string') checkBase64(data, path);
    }
    return { name, value: value as T, origin: path };
  });
}

const DATA_FIELDS = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];

/** Rejects what Go's base64 decoder rejects, with its message (kubectl fails at load time). */
function checkBase64(data: string, path: string): void {
  const fail = (at: number): never => {
    throw new PlainError(
      `error loading config file "${path}": illegal base64 data at input byte ${at}`,
    );
  };
  let count = 0;
  let padding = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i] ?? '';
    if (c === '\n' || c === '\r') continue;
    if (c === '=') padding++;
    else if (padding > 0 || !/[A-Za-z0-9+/]/.test(c)) fail(i);
    count++;
  }
  if (count % 4 !== 0 || padding > 2) fail(Math.max(0, data.length - (count % 4 || 4)));
}

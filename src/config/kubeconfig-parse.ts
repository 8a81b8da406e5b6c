import { ConfigError } from '../errors/errors.js';
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
    throw new ConfigError(`error loading config file "${path}": ${what} is not a map`);
  }
  return value;
}

function stanzas<T>(doc: Json, listKey: string, itemKey: string, path: string): Stanza<T>[] {
  const list = doc[listKey];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    throw new ConfigError(`error loading config file "${path}": ${listKey} must be a list`);
  }
  const seen = new Set<string>();
  return list.map((item: unknown) => {
    const entry = requireRecord(item, path, `an entry of ${listKey}`);
    const name = typeof entry['name'] === 'string' ? entry['name'] : '';
    if (seen.has(name)) {
      throw new ConfigError(
        `error loading config file "${path}": duplicate name "${name}" in list`,
      );
    }
    seen.add(name);
    const value = entry[itemKey] ?? {};
    return { name, value: requireRecord(value, path, `${listKey} "${name}"`) as T, origin: path };
  });
}

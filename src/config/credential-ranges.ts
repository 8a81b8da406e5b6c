import type * as YamlModule from 'yaml';

/**
 * The parsed-kubeconfig cache must not hold a copy of static credentials (rotated secrets
 * would linger in it). A cached parse keeps, in place of each credential, where its text sits
 * in the kubeconfig: the cache entry is keyed by the file's content hash, so on a hit the
 * value is sliced from the very text being loaded, and the cache holds offsets only.
 */

/** What stands in the cached parse for a credential: [start, end) in the file's text. */
interface SecretRange {
  $ktlSecretRange: [number, number];
}

/** Credential fields of a user stanza; every value under auth-provider.config counts too. */
const SECRET_KEYS = ['token', 'password', 'client-key-data'];

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of the parsed file with every credential string replaced by its text range (null
 * from rangeOf: not a string, kept), or undefined
 * when a credential is not written as a plain or simply quoted scalar (escapes, block
 * scalars, aliases): such a file is not cached at all.
 */
export function withoutCredentials(
  yaml: typeof YamlModule,
  doc: YamlModule.Document,
  raw: unknown,
  text: string,
): unknown {
  if (!isRecord(raw) || !Array.isArray(raw['users'])) return raw;
  const copy = structuredClone(raw) as Json;
  const users = copy['users'] as unknown[];
  for (const [index, entry] of users.entries()) {
    if (!isRecord(entry) || !isRecord(entry['user'])) continue;
    const user = entry['user'];
    const base = ['users', index, 'user'];
    for (const key of SECRET_KEYS) {
      if (!(key in user)) continue;
      const range = rangeOf(yaml, doc, [...base, key], user[key], text);
      if (range === undefined) return undefined;
      if (range) user[key] = range;
    }
    const provider = user['auth-provider'];
    const config = isRecord(provider) ? provider['config'] : undefined;
    if (!isRecord(config)) continue;
    for (const key of Object.keys(config)) {
      const path = [...base, 'auth-provider', 'config', key];
      const range = rangeOf(yaml, doc, path, config[key], text);
      if (range === undefined) return undefined;
      if (range) config[key] = range;
    }
  }
  return copy;
}

function rangeOf(
  yaml: typeof YamlModule,
  doc: YamlModule.Document,
  path: Array<string | number>,
  value: unknown,
  text: string,
): SecretRange | null | undefined {
  // Not a string (a number, null, a map): nothing to hide, it stays as parsed.
  if (typeof value !== 'string') return null;
  const node = doc.getIn(path, true);
  if (!yaml.isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const [start, end] = node.range;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (node.type !== 'PLAIN' && !quoted) return undefined;
  const inner: [number, number] = quoted ? [start + 1, end - 1] : [start, end];
  if (text.slice(inner[0], inner[1]) !== node.value) return undefined;
  return { $ktlSecretRange: inner };
}

/** Puts the credentials back into a cached parse, from the text it was cached for. */
export function restoreCredentials(cached: unknown, text: string): unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isRecord(value)) return value;
    const range = value['$ktlSecretRange'];
    if (Array.isArray(range) && range.length === 2)
      return text.slice(Number(range[0]), Number(range[1]));
    for (const key of Object.keys(value)) value[key] = visit(value[key]);
    return value;
  };
  return visit(cached);
}

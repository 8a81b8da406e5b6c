/**
 * The parsed-kubeconfig cache must not hold a copy of static credentials (rotated secrets
 * would linger in it). A cached parse keeps, in place of each credential, where its text sits
 * in the kubeconfig: the cache entry is keyed by the file's content hash, so on a hit the
 * value is sliced from the very text being loaded, and the cache holds offsets only.
 *
 * Any place in the text where the credential's characters stand will do: the slice is the
 * same string, and the text is the same (the key is its hash). A credential whose characters
 * are not in the text as they are (escapes, folded block scalars) makes the file uncacheable.
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
 * A copy of the parsed file with every credential string replaced by a text range holding
 * it, or undefined when a credential's characters are not in the text as they are (escapes,
 * folded block scalars): such a file is not cached at all.
 */
export function withoutCredentials(raw: unknown, text: string): unknown {
  if (!isRecord(raw) || !Array.isArray(raw['users'])) return raw;
  // Only the users are copied: the rest (86,000 extensions in one file met) is shared.
  const users = structuredClone(raw['users']) as unknown[];
  const copy: Json = { ...raw, users };
  for (const entry of users) {
    if (!isRecord(entry) || !isRecord(entry['user'])) continue;
    const user = entry['user'];
    for (const key of SECRET_KEYS) {
      if (!(key in user)) continue;
      const range = rangeOf(user[key], text);
      if (range === undefined) return undefined;
      if (range) user[key] = range;
    }
    const provider = user['auth-provider'];
    const config = isRecord(provider) ? provider['config'] : undefined;
    if (!isRecord(config)) continue;
    for (const key of Object.keys(config)) {
      const range = rangeOf(config[key], text);
      if (range === undefined) return undefined;
      if (range) config[key] = range;
    }
  }
  return copy;
}

/** Where the string stands in the text; null for a value that is not a string (kept as is). */
function rangeOf(value: unknown, text: string): SecretRange | null | undefined {
  if (typeof value !== 'string') return null;
  const start = text.indexOf(value);
  if (start < 0) return undefined;
  return { $ktlSecretRange: [start, start + value.length] };
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

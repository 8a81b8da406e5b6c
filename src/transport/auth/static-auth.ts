import { readFileSync, statSync } from 'node:fs';
import type { Authenticator } from './authenticator.js';

/** A fixed bearer token. */
export function bearerTokenAuth(token: string): Authenticator {
  return { headers: () => Promise.resolve({ authorization: `Bearer ${token}` }) };
}

/** Basic authentication from a username and password. */
export function basicAuth(username: string, password: string): Authenticator {
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  return { headers: () => Promise.resolve({ authorization: `Basic ${encoded}` }) };
}

/**
 * A token read from a file, re-read when the file changes (client-go re-reads at most once a
 * minute; watching the mtime is cheaper and notices a rotation sooner). A failed read keeps
 * the last good token, like client-go.
 */
export function tokenFileAuth(path: string, fallbackToken?: string): Authenticator {
  let cached: string | undefined;
  let stamp = '';
  const read = (): string | undefined => {
    try {
      const stat = statSync(path);
      const next = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
      if (next !== stamp || cached === undefined) {
        cached = readFileSync(path, 'utf8').trim();
        stamp = next;
      }
    } catch {
      // keep the last good token
    }
    return cached ?? fallbackToken;
  };
  return {
    headers: () => {
      const token = read();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return Promise.resolve(headers);
    },
    onUnauthorized: () => {
      stamp = '';
      return Promise.resolve(false);
    },
  };
}

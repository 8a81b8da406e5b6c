/**
 * kubectl's rawhttp.RawPost / RawPut / RawDelete (create, replace and delete --raw): a file's
 * bytes (stdin for `-`; delete may send none) sent as they are to a path, and the server's
 * response body printed unmodified.
 */
import { readFileSync } from 'node:fs';
import { PlainError } from '../errors/errors.js';
import type { Factory } from './factory.js';

/** url.ParseRequestURI as --raw needs it: an absolute path or an absolute URL. */
export function checkRawPath(raw: string): void {
  if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw))
    throw new PlainError(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
}

/** Sends the file to the path with the method and writes the response body to stdout. */
export async function sendRawFile(
  factory: Factory,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  file: string | undefined,
  query?: Record<string, string>,
): Promise<void> {
  const body = file === undefined ? Buffer.alloc(0) : readFileSync(file === '-' ? 0 : file);
  const client = await factory.client();
  const response = await client.request({
    method,
    path,
    body,
    contentType: 'application/json',
    accept: 'application/json, */*',
    ...(query ? { query } : {}),
  });
  factory.streams.out.write(response.body);
}

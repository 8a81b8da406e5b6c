/**
 * `ktl replace --raw PATH -f FILE`: kubectl's raw.RawPut. The file's bytes are PUT to the path
 * as they are and the server's response body is printed unmodified.
 */
import { readFileSync } from 'node:fs';
import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';

/** What --raw needs from replace's flags. */
export interface RawFlags {
  filename?: string[];
  recursive?: boolean;
  output?: string;
}

/** kubectl's Validate for --raw, in its order. */
export function checkRawFlags(raw: string, flags: RawFlags): void {
  const files = flags.filename ?? [];
  const file = files[0];
  if (files.length !== 1 || file === undefined)
    throw new PlainError('--raw can only use a single local file or stdin');
  if (file.startsWith('http://') || file.startsWith('https://'))
    throw new PlainError('--raw cannot read from a url');
  if (flags.recursive) throw new PlainError('--raw and --recursive are mutually exclusive');
  if (flags.output) throw new PlainError('--raw and --output are mutually exclusive');
  // url.ParseRequestURI: an absolute path or an absolute URL
  if (!raw.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw))
    throw new PlainError(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
}

/** PUTs the file (or stdin for `-`) to the path and prints the response body. */
export async function runRawReplace(factory: Factory, raw: string, file: string): Promise<void> {
  const body = readFileSync(file === '-' ? 0 : file);
  const client = await factory.client();
  const response = await client.request({
    method: 'PUT',
    path: raw,
    body,
    contentType: 'application/json',
    accept: 'application/json, */*',
  });
  factory.streams.out.write(response.body);
}

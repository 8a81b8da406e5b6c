/**
 * `ktl replace --raw PATH -f FILE`: kubectl's raw.RawPut. The file's bytes are PUT to the path
 * as they are and the server's response body is printed unmodified.
 */
import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { checkRawPath, sendRawFile } from '../../runtime/raw-file.js';

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
  checkRawPath(raw);
}

/** PUTs the file (or stdin for `-`) to the path and prints the response body. */
export async function runRawReplace(factory: Factory, raw: string, file: string): Promise<void> {
  await sendRawFile(factory, 'PUT', raw, file);
}

/**
 * `ktl delete --raw PATH [-f FILE]`: kubectl's rawhttp.RawDelete. A DELETE to the path with the
 * file's bytes (stdin for `-`, none without -f) as its body; the response body printed as is.
 */
import { PlainError } from '../../errors/errors.js';
import type { Factory } from '../../runtime/factory.js';
import { checkRawPath, sendRawFile } from '../../runtime/raw-file.js';

/** What --raw needs from delete's flags. */
export interface RawDeleteFlags {
  filename?: string[];
  recursive?: boolean;
  output?: string;
  interactive?: boolean;
}

/** kubectl's Validate for --raw on delete, in its order. */
export function checkRawDelete(raw: string, flags: RawDeleteFlags): void {
  const files = flags.filename ?? [];
  if (flags.interactive) throw new PlainError('--interactive can not be used with --raw');
  if (files.length > 1) throw new PlainError('--raw can only use a single local file or stdin');
  const file = files[0];
  if (file?.startsWith('http://') || file?.startsWith('https://'))
    throw new PlainError('--raw cannot read from a url');
  if (flags.recursive) throw new PlainError('--raw and --recursive are mutually exclusive');
  if (flags.output) throw new PlainError('--raw and --output are mutually exclusive');
  checkRawPath(raw);
}

/** Sends the DELETE and prints the server's response. */
export async function runRawDelete(
  factory: Factory,
  raw: string,
  flags: RawDeleteFlags,
): Promise<void> {
  checkRawDelete(raw, flags);
  await sendRawFile(factory, 'DELETE', raw, flags.filename?.[0]);
}

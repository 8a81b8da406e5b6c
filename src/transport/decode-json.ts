import { PlainError } from '../errors/errors.js';

/**
 * Parses a response body as JSON. A body that is not JSON (another program answering on the
 * server's port, a proxy's HTML page) fails with the message Go's encoding/json gives, which
 * is what kubectl prints, instead of the JavaScript parser's.
 */
export function decodeJson<T>(body: Buffer | string): T {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new PlainError(goJsonError(text));
  }
}

const VALUE_START = /[{["\-0-9tfn]/;

/** encoding/json's wording for the most common ways a body is not JSON. */
function goJsonError(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return 'unexpected end of JSON input';
  const first = text[start] ?? '';
  if (!VALUE_START.test(first))
    return `invalid character ${goQuoteChar(first)} looking for beginning of value`;
  return 'unexpected end of JSON input';
}

/** Go's quoteChar: a quote is escaped, everything else written between single quotes. */
function goQuoteChar(char: string): string {
  if (char === "'") return `'\\''`;
  if (char === '"') return `'"'`;
  return `'${char}'`;
}

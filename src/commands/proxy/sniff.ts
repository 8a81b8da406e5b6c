/**
 * The commonest signatures of Go's http.DetectContentType (WHATWG MIME sniffing), for files
 * whose extension has no known type: HTML, XML, PDF, common images and archives, then text
 * or binary.
 */
const HTML_TAGS = [
  '<!DOCTYPE HTML',
  '<HTML',
  '<HEAD',
  '<SCRIPT',
  '<IFRAME',
  '<H1',
  '<DIV',
  '<FONT',
  '<TABLE',
  '<A',
  '<STYLE',
  '<TITLE',
  '<B',
  '<BODY',
  '<BR',
  '<P',
  '<!--',
];

const EXACT: ReadonlyArray<readonly [string, string]> = [
  ['%PDF-', 'application/pdf'],
  ['%!PS-Adobe-', 'application/postscript'],
  ['GIF87a', 'image/gif'],
  ['GIF89a', 'image/gif'],
  ['\x89PNG\x0D\x0A\x1A\x0A', 'image/png'],
  ['\xFF\xD8\xFF', 'image/jpeg'],
  ['BM', 'image/bmp'],
  ['\x1F\x8B\x08', 'application/x-gzip'],
  ['PK\x03\x04', 'application/zip'],
  ['\x00\x61\x73\x6D', 'application/wasm'],
];

const isWhitespace = (byte: number): boolean =>
  byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;

const isBinary = (byte: number): boolean =>
  byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);

/** The content type Go would sniff from a file's first 512 bytes. */
export function sniffContentType(head: Buffer): string {
  const data = head.subarray(0, 512);
  let start = 0;
  while (start < data.length && isWhitespace(data[start] ?? 0)) start++;
  const rest = data.subarray(start);
  const upper = rest.toString('latin1').toUpperCase();
  for (const tag of HTML_TAGS) {
    const next = rest[tag.length];
    if (upper.startsWith(tag) && (next === 0x20 || next === 0x3e))
      return 'text/html; charset=utf-8';
  }
  if (rest.toString('latin1').startsWith('<?xml')) return 'text/xml; charset=utf-8';
  const raw = data.toString('latin1');
  for (const [signature, type] of EXACT) if (raw.startsWith(signature)) return type;
  if (raw.startsWith('\xFE\xFF') || raw.startsWith('\xFF\xFE')) return 'text/plain; charset=utf-16';
  if (raw.startsWith('\xEF\xBB\xBF')) return 'text/plain; charset=utf-8';
  return data.some(isBinary) ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}

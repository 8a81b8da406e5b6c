import { readFileSync } from 'node:fs';

/** Go 1.26's mime.builtinTypesLower (kubectl v1.34.4 is built with it). */
const BUILTIN: ReadonlyArray<readonly [string, string]> = [
  ['.ai', 'application/postscript'],
  ['.apk', 'application/vnd.android.package-archive'],
  ['.apng', 'image/apng'],
  ['.avif', 'image/avif'],
  ['.bin', 'application/octet-stream'],
  ['.bmp', 'image/bmp'],
  ['.com', 'application/octet-stream'],
  ['.css', 'text/css; charset=utf-8'],
  ['.csv', 'text/csv; charset=utf-8'],
  ['.doc', 'application/msword'],
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.ehtml', 'text/html; charset=utf-8'],
  ['.eml', 'message/rfc822'],
  ['.eps', 'application/postscript'],
  ['.exe', 'application/octet-stream'],
  ['.flac', 'audio/flac'],
  ['.gif', 'image/gif'],
  ['.gz', 'application/gzip'],
  ['.htm', 'text/html; charset=utf-8'],
  ['.html', 'text/html; charset=utf-8'],
  ['.ico', 'image/vnd.microsoft.icon'],
  ['.ics', 'text/calendar; charset=utf-8'],
  ['.jfif', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.jpg', 'image/jpeg'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.json', 'application/json'],
  ['.m4a', 'audio/mp4'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.mp3', 'audio/mpeg'],
  ['.mp4', 'video/mp4'],
  ['.oga', 'audio/ogg'],
  ['.ogg', 'audio/ogg'],
  ['.ogv', 'video/ogg'],
  ['.opus', 'audio/ogg'],
  ['.pdf', 'application/pdf'],
  ['.pjp', 'image/jpeg'],
  ['.pjpeg', 'image/jpeg'],
  ['.png', 'image/png'],
  ['.ppt', 'application/vnd.ms-powerpoint'],
  ['.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['.ps', 'application/postscript'],
  ['.rdf', 'application/rdf+xml'],
  ['.rtf', 'application/rtf'],
  ['.shtml', 'text/html; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.text', 'text/plain; charset=utf-8'],
  ['.tif', 'image/tiff'],
  ['.tiff', 'image/tiff'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.vtt', 'text/vtt; charset=utf-8'],
  ['.wasm', 'application/wasm'],
  ['.wav', 'audio/wav'],
  ['.webm', 'audio/webm'],
  ['.webp', 'image/webp'],
  ['.xbl', 'text/xml; charset=utf-8'],
  ['.xbm', 'image/x-xbitmap'],
  ['.xht', 'application/xhtml+xml'],
  ['.xhtml', 'application/xhtml+xml'],
  ['.xls', 'application/vnd.ms-excel'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['.xml', 'text/xml; charset=utf-8'],
  ['.xsl', 'text/xml; charset=utf-8'],
  ['.zip', 'application/zip'],
];

const GLOBS = ['/usr/local/share/mime/globs2', '/usr/share/mime/globs2'];
const TYPE_FILES = [
  '/etc/mime.types',
  '/etc/apache2/mime.types',
  '/etc/apache/mime.types',
  '/etc/httpd/conf/mime.types',
];

let table: Map<string, string> | undefined;

/** mime.setExtensionType: text types get charset=utf-8. */
function withCharset(type: string): string {
  return type.startsWith('text/') && !/;\s*charset=/i.test(type) ? `${type}; charset=utf-8` : type;
}

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

/** loadMimeGlobsFile: `weight:type:*.ext` lines, the first entry of an extension wins. */
function loadGlobs(into: Map<string, string>, lines: string[]): void {
  for (const line of lines) {
    const [weight = '', type = '', glob = ''] = line.split(':');
    if (weight === '' || glob.length < 3 || weight.startsWith('#') || !glob.startsWith('*.'))
      continue;
    const ext = glob.slice(1);
    if (/[?*[]/.test(ext) || into.has(ext)) continue;
    into.set(ext, withCharset(type));
  }
}

/** loadMimeFile: `type ext ext...` lines. */
function loadTypes(into: Map<string, string>, lines: string[]): void {
  for (const line of lines) {
    const fields = line.trim().split(/\s+/);
    if (fields.length <= 1 || (fields[0] ?? '').startsWith('#')) continue;
    for (const ext of fields.slice(1)) {
      if (ext.startsWith('#')) break;
      into.set(`.${ext}`, withCharset(fields[0] ?? ''));
    }
  }
}

/** Go's mime table on Unix: the built-in types, then the first shared-mime globs2 found, else mime.types files. */
function mimeTable(): Map<string, string> {
  if (table) return table;
  table = new Map(BUILTIN);
  const globs = GLOBS.map(readLines).find((lines) => lines !== undefined);
  if (globs) loadGlobs(table, globs);
  else for (const file of TYPE_FILES) loadTypes(table, readLines(file) ?? []);
  return table;
}

/** mime.TypeByExtension: exact case first, then lower case. */
export function typeByExtension(ext: string): string | undefined {
  if (ext === '') return undefined;
  const types = mimeTable();
  return types.get(ext) ?? types.get(ext.toLowerCase());
}

/**
 * kubectl proxy's --www handler: http.StripPrefix(prefix, http.FileServer(http.Dir(dir))),
 * with Go's redirects (directory without slash, file with slash, index.html), directory
 * listings, index.html, content types (extension, else sniffed), Last-Modified and
 * If-Modified-Since. Range requests are answered with the whole file.
 */
import type { Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, posix } from 'node:path';
import { typeByExtension } from './mime-types.js';
import { sniffContentType } from './sniff.js';

/** Serves one request whose path starts with `prefix` from the directory `base`. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  base: string,
  prefix: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  let urlPath = decodeURIComponent(url.pathname).slice(prefix.length);
  if (!urlPath.startsWith('/')) urlPath = `/${urlPath}`;
  const query = url.search.slice(1);
  if (urlPath.endsWith('/index.html')) return localRedirect(res, './', query);
  // path.Clean: no trailing slash, so `file/` finds the file and is redirected to it.
  const name = posix.normalize(urlPath).replace(/(.)\/$/, '$1');
  let info: Stats;
  try {
    info = await stat(posix.join(base, name));
  } catch (error) {
    return fsError(res, error as NodeJS.ErrnoException);
  }
  const last = urlPath[urlPath.length - 1];
  if (info.isDirectory() && last !== '/')
    return localRedirect(res, `${posix.basename(urlPath)}/`, query);
  if (!info.isDirectory() && last === '/') {
    const baseName = posix.basename(urlPath);
    if (baseName === '/' || baseName === '.')
      return plainError(res, 500, 'http: attempting to traverse a non-directory');
    return localRedirect(res, `../${baseName}`, query);
  }
  if (info.isDirectory()) {
    const index = posix.join(base, name, 'index.html');
    const indexInfo = await stat(index).catch(() => undefined);
    if (indexInfo && !indexInfo.isDirectory()) return serveFile(req, res, index, indexInfo);
    if (notModified(req, info)) return writeNotModified(res);
    return listDirectory(req, res, posix.join(base, name), info);
  }
  return serveFile(req, res, posix.join(base, name), info);
}

function localRedirect(res: ServerResponse, location: string, query: string): void {
  res.writeHead(301, {
    location: query === '' ? location : `${location}?${query}`,
    'content-length': 0,
  });
  res.end();
}

/** http.Error: a plain-text message with nosniff. */
export function plainError(res: ServerResponse, code: number, message: string): void {
  res.writeHead(code, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(`${message}\n`),
  });
  res.end(`${message}\n`);
}

function fsError(res: ServerResponse, error: NodeJS.ErrnoException): void {
  if (error.code === 'EACCES' || error.code === 'EPERM')
    return plainError(res, 403, '403 Forbidden');
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
    return plainError(res, 404, '404 page not found');
  return plainError(res, 500, '500 Internal Server Error');
}

/** checkIfModifiedSince: whole seconds, ignored for unparsable dates. */
function notModified(req: IncomingMessage, info: Stats): boolean {
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  if (Number.isNaN(since) || req.headers['if-none-match'] !== undefined) return false;
  return Math.floor(info.mtimeMs / 1000) * 1000 <= since;
}

/** A 304; files keep their Last-Modified (set before the check), directories have none. */
function writeNotModified(res: ServerResponse, modified?: string): void {
  res.writeHead(304, modified === undefined ? {} : { 'last-modified': modified });
  res.end();
}

const lastModified = (info: Stats): string =>
  new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

/** url.URL{Path: name}.String() for a relative name: escapes what a path may not hold. */
function hrefOf(name: string): string {
  const escaped = encodeURI(name).replace(/[?#]/g, encodeURIComponent);
  return name.includes(':') && !name.includes('/') ? `./${escaped}` : escaped;
}

async function listDirectory(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  info: Stats,
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const body =
    '<!doctype html>\n<meta name="viewport" content="width=device-width">\n<pre>\n' +
    names
      .map(
        (n) => `<a href="${hrefOf(n)}">${n.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)}</a>\n`,
      )
      .join('') +
    '</pre>\n';
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'last-modified': lastModified(info),
    'content-length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  info: Stats,
): Promise<void> {
  if (notModified(req, info)) return writeNotModified(res, lastModified(info));
  const handle = await open(file, 'r');
  try {
    let type = typeByExtension(extname(file));
    if (type === undefined) {
      const head = Buffer.alloc(512);
      const { bytesRead } = await handle.read(head, 0, 512, 0);
      type = sniffContentType(head.subarray(0, bytesRead));
    }
    res.writeHead(200, {
      'accept-ranges': 'bytes',
      'content-length': info.size,
      'content-type': type,
      'last-modified': lastModified(info),
    });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolve, reject) => {
      const stream = handle.createReadStream({ autoClose: false });
      stream.on('error', reject);
      stream.on('end', resolve);
      stream.pipe(res);
    });
  } finally {
    await handle.close();
  }
}

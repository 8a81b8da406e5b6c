import type { IncomingMessage, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import type { ProxyFlags } from './proxy-flags.js';
import { plainError, serveStatic } from './static-files.js';

/**
 * The --www route as Go's ServeMux adds it beside the API: the longer matching prefix wins;
 * the prefix without its slash is redirected (307) to it. True when it answered the request.
 */
export function staticRoute(
  flags: ProxyFlags,
  apiPrefix: string,
): ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined {
  const dir = flags.www;
  if (!dir) return undefined;
  const prefix = flags.wwwPrefix.endsWith('/') ? flags.wwwPrefix : `${flags.wwwPrefix}/`;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const apiWins = apiPrefix.length > prefix.length && path.startsWith(apiPrefix);
    if (path.startsWith(prefix) && !apiWins) {
      serveStatic(req, res, dir, prefix).catch(() => {
        if (res.headersSent) res.destroy();
        else plainError(res, 500, '500 Internal Server Error');
      });
      return true;
    }
    if (`${path}/` !== prefix) return false;
    temporaryRedirect(req, res, `${prefix}${url.search}`);
    return true;
  };
}

/** Go's ServeMux: a path with `.`, `..` or `//` segments is redirected to its clean form. */
export function redirectUnclean(req: IncomingMessage, res: ServerResponse): boolean {
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  const path = query < 0 ? raw : raw.slice(0, query);
  if (req.method === 'CONNECT' || !path.startsWith('/')) return false;
  let clean = posix.normalize(path);
  if (path.endsWith('/') && clean !== '/' && !clean.endsWith('/')) clean += '/';
  if (!path.endsWith('/') && clean.length > 1) clean = clean.replace(/\/$/, '');
  if (clean === path) return false;
  temporaryRedirect(req, res, query < 0 ? clean : `${clean}${raw.slice(query)}`);
  return true;
}

/** http.Redirect with 307, as ServeMux answers. */
function temporaryRedirect(req: IncomingMessage, res: ServerResponse, location: string): void {
  const body = req.method === 'GET' ? `<a href="${location}">Temporary Redirect</a>.\n\n` : '';
  res.writeHead(307, {
    'content-type': 'text/html; charset=utf-8',
    location,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { StreamDialer } from '../../transport/websocket-dial.js';
import { credentialHeaders, tlsOptions } from '../../transport/websocket-dial.js';
import { klogLine } from '../../util/klog.js';
import type { Factory } from '../../runtime/factory.js';
import type { ProxyFlags } from './proxy-flags.js';
import { accepts, compileFilter, hostOfHeader } from './proxy-filter.js';
import { redirectUnclean, staticRoute } from './mux-routes.js';

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'host',
  'authorization',
];

/** `ktl proxy`: serves the API under --api-prefix on --address:--port until interrupted. */
export async function runProxy(
  factory: Factory,
  flags: ProxyFlags,
  keepaliveMs = 0,
): Promise<void> {
  const dialer = await factory.streamDialer();
  const serverPath = new URL(dialer.config.host).pathname;
  if (!flags.appendServerPath && serverPath !== '' && serverPath !== '/')
    factory.streams.err.write(
      klogLine(
        'W',
        'proxy.go:172',
        `Your kube context contains a server path ${serverPath}, use --append-server-path to automatically append the path to each request`,
      ),
    );
  const upstream: Upstream = {
    dialer,
    appendServerPath: flags.appendServerPath === true,
    keepaliveMs,
  };
  const filter = flags.disableFilter ? undefined : compileFilter(flags);
  const prefix = flags.apiPrefix.endsWith('/') ? flags.apiPrefix : `${flags.apiPrefix}/`;
  const upstreamPath = (url: string): string | undefined => {
    if (!url.startsWith(prefix) && `${url}/` !== prefix) return undefined;
    return `/${url.slice(prefix.length)}`;
  };
  const allowed = (req: IncomingMessage): boolean =>
    !filter ||
    accepts(
      filter,
      req.method ?? 'GET',
      new URL(req.url ?? '/', 'http://x').pathname,
      hostOfHeader(req.headers.host ?? ''),
    );
  const statics = staticRoute(flags, prefix);
  const server = http.createServer((req, res) => {
    if (redirectUnclean(req, res) || statics?.(req, res)) return;
    const path = upstreamPath(req.url ?? '/');
    if (path === undefined) return notFound(res);
    if (!allowed(req)) return forbidden(res);
    forwardRequest(upstream, req, res, path).catch(() => badGateway(res));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = upstreamPath(req.url ?? '/');
    if (path === undefined || !allowed(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    forwardUpgrade(upstream, req, socket, head, path).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (flags.unixSocket) server.listen(flags.unixSocket, resolve);
    else server.listen(Number(flags.port), flags.address, resolve);
  });
  const address = server.address();
  const shown =
    typeof address === 'string'
      ? address
      : `${(address as AddressInfo).address}:${(address as AddressInfo).port}`;
  factory.streams.out.write(`Starting to serve on ${shown}\n`);
  await new Promise<void>((resolve) => server.on('close', resolve));
}

function forbidden(res: ServerResponse): void {
  res.writeHead(403, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'content-length': 10,
  });
  res.end('Forbidden\n');
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'content-length': 19,
  });
  res.end('404 page not found\n');
}

function badGateway(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(502);
  res.end();
}

/** Where requests go: the server, and how kubectl's proxy handler reaches it. */
interface Upstream {
  dialer: StreamDialer;
  /** --append-server-path: keep the kubeconfig server's path before each request's. */
  appendServerPath: boolean;
  /** --keepalive: TCP keep-alive of upgraded (exec, attach, port-forward) connections; 0 = off. */
  keepaliveMs: number;
}

/**
 * The server URL of a request, as kubectl's UpgradeAwareHandler builds it: the request's path
 * on the server's scheme and host, the server's own path dropped unless --append-server-path.
 */
function upstreamUrl(upstream: Upstream, path: string, query: string): URL {
  const base = new URL(upstream.dialer.config.host);
  const prefix = upstream.appendServerPath ? base.pathname.replace(/\/$/, '') : '';
  const url = new URL(base.origin);
  url.pathname = prefix + path;
  url.search = query;
  return url;
}

async function upstreamRequest(upstream: Upstream, req: IncomingMessage, path: string) {
  const { dialer } = upstream;
  const url = upstreamUrl(upstream, path, new URL(req.url ?? '/', 'http://x').search);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.includes(name)) headers[name] = value;
  }
  Object.assign(headers, await credentialHeaders(dialer));
  const transport = url.protocol === 'https:' ? https : http;
  return transport.request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(await tlsOptions(dialer)),
  });
}

async function forwardRequest(
  target: Upstream,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const upstream = await upstreamRequest(target, req, path);
  await new Promise<void>((resolve, reject) => {
    upstream.on('response', (response) => {
      const headers = { ...response.headers };
      delete headers['connection'];
      delete headers['transfer-encoding'];
      res.writeHead(response.statusCode ?? 502, headers);
      response.pipe(res);
      response.on('end', resolve);
    });
    upstream.on('error', reject);
    req.pipe(upstream);
  });
}

async function forwardUpgrade(
  target: Upstream,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  path: string,
): Promise<void> {
  const upstream = await upstreamRequest(target, req, path);
  // kubectl dials upgraded connections with net.Dialer{KeepAlive: --keepalive}
  if (target.keepaliveMs > 0)
    upstream.on('socket', (s) => s.setKeepAlive(true, target.keepaliveMs));
  upstream.setHeader('connection', 'Upgrade');
  upstream.setHeader('upgrade', String(req.headers.upgrade ?? 'websocket'));
  upstream.on('upgrade', (response, upstreamSocket: Duplex, upstreamHead: Buffer) => {
    const lines = [`HTTP/1.1 101 Switching Protocols`];
    for (let i = 0; i < response.rawHeaders.length; i += 2)
      lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
  });
  upstream.on('response', (response) => {
    socket.end(`HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ''}\r\n\r\n`);
  });
  upstream.on('error', () => socket.destroy());
  upstream.end();
}

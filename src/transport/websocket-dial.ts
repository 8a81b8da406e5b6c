import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { RestConfig } from '../config/rest-config.js';
import type { ApiStatusError } from '../errors/errors.js';
import type { Authenticator } from './auth/authenticator.js';
import { anonymous } from './auth/authenticator.js';
import { networkError } from './network-error.js';
import { statusErrorFromResponse } from './status-error.js';
import { tlsMaterial } from './tls-material.js';
import { WebSocketConnection } from './websocket.js';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** What a streaming (exec, attach, port-forward) connection needs besides the URL. */
export interface StreamDialer {
  config: RestConfig;
  authenticator?: Authenticator;
  userAgent: string;
  commandHeader?: string;
}

/** One WebSocket upgrade request. */
export interface WebSocketRequest {
  /** Path (and query) below the server's base URL. */
  path: string;
  query?: URLSearchParams;
  /** Subprotocols in order of preference. */
  protocols: string[];
}

/** The URL of a streaming request below the API server's base URL. */
export function streamUrl(config: RestConfig, path: string, query?: URLSearchParams): URL {
  const base = new URL(config.host);
  const prefix = base.pathname.replace(/\/$/, '');
  const url = new URL(prefix + path, base);
  if (query) url.search = query.toString();
  return url;
}

/**
 * Opens a WebSocket to the API server with the RestConfig's TLS settings and credentials.
 * A refused upgrade throws the server's Status error (e.g. NotFound, Forbidden).
 */
export async function dialWebSocket(
  dialer: StreamDialer,
  request: WebSocketRequest,
): Promise<WebSocketConnection> {
  const url = streamUrl(dialer.config, request.path, request.query);
  const key = randomBytes(16).toString('base64');
  const headers = await upgradeHeaders(dialer, key, request.protocols);
  const options = await tlsOptions(dialer);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<WebSocketConnection>((resolve, reject) => {
    const req = transport.request(url, { method: 'GET', headers, ...options });
    req.on('upgrade', (response: IncomingMessage, socket, head: Buffer) => {
      const expected = createHash('sha1')
        .update(key + ACCEPT_GUID)
        .digest('base64');
      if (response.headers['sec-websocket-accept'] !== expected) {
        socket.destroy();
        reject(new Error('websocket handshake failed: bad Sec-WebSocket-Accept'));
        return;
      }
      socket.setNoDelay?.(true);
      const protocol = String(response.headers['sec-websocket-protocol'] ?? '');
      resolve(new WebSocketConnection(socket, protocol, head));
    });
    req.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => reject(refusedUpgrade(response, Buffer.concat(chunks))));
    });
    req.on('error', (error) => reject(networkError(error, url, 'GET')));
    req.end();
  });
}

function refusedUpgrade(response: IncomingMessage, body: Buffer): ApiStatusError {
  return statusErrorFromResponse(
    response.statusCode ?? 0,
    body,
    response.headers['content-type'],
    '',
  );
}

async function upgradeHeaders(
  dialer: StreamDialer,
  key: string,
  protocols: string[],
): Promise<Record<string, string>> {
  return {
    ...(await credentialHeaders(dialer)),
    'user-agent': dialer.userAgent,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': key,
    'sec-websocket-protocol': protocols.join(', '),
  };
}

/** Identity headers for a request to the API server: credentials and impersonation. */
export async function credentialHeaders(dialer: StreamDialer): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  if (dialer.commandHeader) headers['kubectl-command'] = dialer.commandHeader;
  const imp = dialer.config.impersonate;
  if (imp.user) {
    headers['impersonate-user'] = imp.user;
    if (imp.uid) headers['impersonate-uid'] = imp.uid;
    if (imp.groups.length > 0) headers['impersonate-group'] = imp.groups.join(', ');
  }
  Object.assign(headers, await (dialer.authenticator ?? anonymous).headers());
  return headers;
}

/** TLS settings (CA, client certificate, server name) for a raw request to the API server. */
export async function tlsOptions(dialer: StreamDialer): Promise<https.RequestOptions> {
  return { ...(await tlsMaterial(dialer.config.tls, dialer.authenticator)), agent: false };
}

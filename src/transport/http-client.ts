import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { createGunzip } from 'node:zlib';
import { formatGoDuration } from '../config/duration.js';
import type { RestConfig } from '../config/rest-config.js';
import type { Authenticator } from './auth/authenticator.js';
import { anonymous } from './auth/authenticator.js';
import { ConnectionError } from '../errors/errors.js';
import { decodeJson } from './decode-json.js';
import { networkError } from './network-error.js';
import { staleSocketFailure } from './stale-socket.js';
import { httpProxyAgent, httpsProxyAgent } from './proxy-agent.js';
import { proxyFor } from './proxy-env.js';
import type { RequestLogger } from './request-log.js';
import { silentLogger } from './request-log.js';
import type { Hop } from './redirect.js';
import { MAX_REDIRECTS, redirectTarget } from './redirect.js';
import { parseWarningHeaders, statusErrorFromResponse } from './status-error.js';
import { tlsMaterial } from './tls-material.js';
import type { AgentRoute } from './agent/agent-client.js';
import { agentRoute } from './agent/agent-client.js';

/** What a caller may ask of one request. */
export interface RequestOptions {
  method?: string;
  /** Path (with optional query) below the server's base URL, e.g. /api/v1/pods. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  accept?: string;
  contentType?: string;
  signal?: AbortSignal;
  /** Return non-2xx responses instead of throwing ApiStatusError. */
  allowErrorStatus?: boolean;
  /** Do not add ?timeout= (watch and streaming requests set their own). */
  noTimeoutParam?: boolean;
  /** A client-side limit for this request when --request-timeout is not set (discovery's 32 s). */
  defaultTimeoutMs?: number;
  /** Receives this request's Warning headers instead of the client's handler (e.g. to locate them). */
  onWarning?: (text: string) => void;
}

/** A fully read response. */
export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Settings of an HttpClient beyond the RestConfig. */
export interface HttpClientOptions {
  userAgent: string;
  commandHeader?: string;
  authenticator?: Authenticator;
  logger?: RequestLogger;
  onWarning?: (text: string) => void;
  /** Base delay before retrying a reset GET, in ms (client-go waits 1 s). */
  retryDelayMs?: number;
}

const MAX_RETRIES = 10;
/** client-go's dialer timeout (net.Dialer{Timeout: 30s}). */
export const DIAL_TIMEOUT_MS = 30_000;
/** client-go's TLSHandshakeTimeout. */
export const TLS_HANDSHAKE_TIMEOUT_MS = 10_000;
const RETRY_AFTER_CAP_S = 10;

/** An HTTP(S) client for one API server, with keep-alive, auth, retries and kubectl's errors. */
export class HttpClient {
  readonly config: RestConfig;
  private readonly options: HttpClientOptions;
  private readonly baseUrl: URL;
  /** Pooled connections by protocol (a redirect may lead from one to the other). */
  private readonly agents = new Map<string, http.Agent>();
  /** The way through the user's agent (agent/), undefined: direct; computed on first use. */
  private agentRoute: Promise<AgentRoute | undefined> | undefined;
  private readonly seenWarnings = new Set<string>();

  constructor(config: RestConfig, options: HttpClientOptions) {
    this.config = config;
    this.options = options;
    this.baseUrl = new URL(config.host);
  }

  /** The full URL for a path and query. */
  url(path: string, query?: RequestOptions['query'], addTimeout = true): URL {
    const prefix = this.baseUrl.pathname.replace(/\/$/, '');
    const url = new URL(prefix + (path.startsWith('/') ? path : `/${path}`), this.baseUrl);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.append(key, String(value));
    }
    if (addTimeout && this.config.timeoutMs > 0 && !url.searchParams.has('timeout')) {
      url.searchParams.set('timeout', formatGoDuration(this.config.timeoutMs));
    }
    return url;
  }

  /** Sends a request and reads the whole body; non-2xx responses throw ApiStatusError. */
  async request(options: RequestOptions): Promise<HttpResponse> {
    const method = options.method ?? 'GET';
    let retriedAuth = false;
    for (let attempt = 0; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.once(options);
      } catch (error) {
        if (method === 'GET' && attempt < MAX_RETRIES && isResetError(error)) {
          await sleep(this.options.retryDelayMs ?? 1000);
          continue;
        }
        throw error;
      }
      const retryAfter = retryAfterSeconds(response);
      if (retryAfter !== undefined && attempt < MAX_RETRIES) {
        await sleep(Math.min(retryAfter, RETRY_AFTER_CAP_S) * 1000);
        continue;
      }
      if (response.status === 401 && !retriedAuth && this.options.authenticator?.onUnauthorized) {
        retriedAuth = true;
        if (await this.options.authenticator.onUnauthorized()) {
          // A fresh credential may be a new client certificate: rebuild the TLS agent.
          if (this.options.authenticator.clientCertificate) this.close();
          continue;
        }
      }
      if ((response.status < 200 || response.status > 299) && !options.allowErrorStatus) {
        throw statusErrorFromResponse(
          response.status,
          response.body,
          response.headers['content-type'],
          '',
        );
      }
      return response;
    }
  }

  /** Sends a request and reads its body as JSON. */
  async json<T>(options: RequestOptions): Promise<T> {
    const response = await this.request({ accept: 'application/json', ...options });
    return decodeJson<T>(response.body);
  }

  /**
   * Opens a streaming request (watch, logs, follow) and returns the live response once headers
   * arrive; a non-2xx status throws ApiStatusError with the body read.
   */
  async stream(options: RequestOptions): Promise<IncomingMessage> {
    const url = this.url(options.path, options.query, !options.noTimeoutParam);
    const response = await this.send(url, options);
    if (
      response.statusCode === undefined ||
      response.statusCode < 200 ||
      response.statusCode > 299
    ) {
      const body = await readBody(response);
      throw statusErrorFromResponse(
        response.statusCode ?? 0,
        body,
        response.headers['content-type'],
        '',
      );
    }
    return response;
  }

  /** Releases pooled connections so the process can exit. */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
    void this.agentRoute?.then((route) => route?.close());
    this.agentRoute = undefined;
  }

  private async once(options: RequestOptions): Promise<HttpResponse> {
    const url = this.url(options.path, options.query, !options.noTimeoutParam);
    const started = performance.now();
    const response = await this.send(url, options);
    const body = await readBody(response);
    const result = { status: response.statusCode ?? 0, headers: response.headers, body };
    this.options.logger?.response(
      options.method ?? 'GET',
      url,
      result,
      performance.now() - started,
    );
    return result;
  }

  /** Sends a request, following redirects as Go's http.Client does (see redirect.ts). */
  private async send(url: URL, options: RequestOptions): Promise<IncomingMessage> {
    let hop: Hop = { url, method: options.method ?? 'GET', body: options.body, credentials: true };
    for (let requests = 1; ; requests++) {
      const response = await this.sendHop(hop, options);
      const location = response.headers.location;
      const next = redirectTarget(hop, response.statusCode, location, url);
      if (!next) return response;
      response.resume();
      // Go's check: the request that would follow the tenth one is refused.
      if (requests >= MAX_REDIRECTS)
        throw new ConnectionError(`stopped after ${MAX_REDIRECTS} redirects`);
      hop = next;
    }
  }

  private async sendHop(hop: Hop, options: RequestOptions): Promise<IncomingMessage> {
    const { url, method, body } = hop;
    const headers = await this.headers({ ...options, body });
    if (!hop.credentials)
      for (const name of Object.keys(headers))
        if (name.toLowerCase() === 'authorization') delete headers[name];
    if (body === undefined) delete headers['content-type'];
    const logger = this.options.logger ?? silentLogger;
    logger.request(method, url, headers, body);
    const timeoutMs = this.config.timeoutMs || options.defaultTimeoutMs || 0;
    const received = (response: IncomingMessage): IncomingMessage => {
      if (options.onWarning)
        parseWarningHeaders(response.headers['warning']).forEach(options.onWarning);
      else this.reportWarnings(response.headers['warning']);
      return decompress(response);
    };
    const route = await this.routeThroughAgent(url);
    if (route) {
      const request = { url, method, headers, body, timeoutMs };
      const response = await route
        .send(options.signal ? { ...request, signal: options.signal } : request)
        .catch((error: unknown) => {
          throw options.signal?.aborted ? error : networkError(error, url, method);
        });
      if (response) return received(response);
      // no usable agent (one is starting for the next command): this process connects itself
      this.agentRoute = Promise.resolve(undefined);
    }
    const agent = await this.getAgent(url);
    const transport = url.protocol === 'https:' ? https : http;
    const attempt = (mayRetry: boolean): Promise<IncomingMessage> =>
      new Promise<IncomingMessage>((resolve, reject) => {
        let responded = false;
        const request = transport.request(
          url,
          { method, headers, agent, signal: options.signal },
          (response) => {
            responded = true;
            resolve(received(response));
          },
        );
        request.on('socket', (socket) => guardConnect(request, socket, url.protocol === 'https:'));
        if (timeoutMs > 0) {
          request.setTimeout(timeoutMs, () => {
            request.destroy(Object.assign(new Error('timeout'), { code: 'KTL_TIMEOUT' }));
          });
        }
        request.on('error', (error) => {
          if (mayRetry && staleSocketFailure(request, error, method, responded))
            resolve(attempt(false));
          else reject(options.signal?.aborted ? error : networkError(error, url, method));
        });
        if (body !== undefined) request.write(body);
        request.end();
      });
    return attempt(true);
  }

  private async headers(options: RequestOptions): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: options.accept ?? 'application/json, */*',
    };
    if (!this.config.disableCompression) headers['accept-encoding'] = 'gzip';
    if (this.options.commandHeader) headers['kubectl-command'] = this.options.commandHeader;
    if (options.contentType) headers['content-type'] = options.contentType;
    if (options.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(options.body));
    Object.assign(headers, impersonationHeaders(this.config));
    Object.assign(headers, await (this.options.authenticator ?? anonymous).headers());
    Object.assign(headers, options.headers ?? {});
    return headers;
  }

  /**
   * The agent route for HTTPS to the server itself without a proxy (agent/agent-client.ts); a
   * proxy, plain HTTP, a redirect to another origin or an upgrade (websocket-dial.ts) connect
   * from this process as before.
   */
  private routeThroughAgent(url: URL): Promise<AgentRoute | undefined> {
    if (
      url.protocol !== 'https:' ||
      url.origin !== this.baseUrl.origin ||
      proxyFor(url, this.config.proxyUrl)
    )
      return Promise.resolve(undefined);
    this.agentRoute ??= agentRoute(this.baseUrl, this.config.tls, this.options.authenticator);
    return this.agentRoute;
  }

  private async getAgent(url: URL): Promise<http.Agent> {
    const known = this.agents.get(url.protocol);
    if (known) return known;
    const agent = await this.newAgent(url);
    this.agents.set(url.protocol, agent);
    return agent;
  }

  private async newAgent(url: URL): Promise<http.Agent> {
    const proxy = proxyFor(url, this.config.proxyUrl);
    if (url.protocol !== 'https:')
      return proxy
        ? httpProxyAgent(proxy, { keepAlive: true })
        : new http.Agent({ keepAlive: true });
    const material = await tlsMaterial(this.config.tls, this.options.authenticator);
    const agentOptions: https.AgentOptions = {
      ...material,
      keepAlive: true,
      minVersion: 'TLSv1.2',
    };
    const serverName = this.config.tls.serverName;
    if (serverName) {
      agentOptions.checkServerIdentity = (_host, peer) =>
        https.globalAgent.options.checkServerIdentity?.(serverName, peer) ?? undefined;
    }
    return proxy ? httpsProxyAgent(proxy, agentOptions) : new https.Agent(agentOptions);
  }

  private reportWarnings(header: string | string[] | undefined): void {
    for (const text of parseWarningHeaders(header)) {
      if (this.seenWarnings.has(text)) continue;
      this.seenWarnings.add(text);
      this.options.onWarning?.(text);
    }
  }
}

/**
 * Bounds the two steps before a request is sent as client-go's transport does: the TCP dial
 * (30 s) and then the TLS handshake (10 s). Without them a server that accepts connections and
 * never answers (a stopped apiserver) hung ktl forever. A reused pooled socket skips both.
 */
export function guardConnect(request: http.ClientRequest, socket: Socket, tls: boolean): void {
  if (request.reusedSocket) return;
  const bound = (code: string, ms: number, doneEvent: string): void => {
    const id = setTimeout(() => request.destroy(Object.assign(new Error(code), { code })), ms);
    socket.once(doneEvent, () => clearTimeout(id));
    socket.once('close', () => clearTimeout(id));
  };
  const handshake = (): void => {
    if (tls) bound('KTL_TLS_HANDSHAKE_TIMEOUT', TLS_HANDSHAKE_TIMEOUT_MS, 'secureConnect');
  };
  if (socket.connecting) {
    bound('KTL_DIAL_TIMEOUT', DIAL_TIMEOUT_MS, 'connect');
    socket.once('connect', handshake);
  } else handshake();
}

function impersonationHeaders(config: RestConfig): Record<string, string> {
  const imp = config.impersonate;
  if (!imp.user) return {};
  const headers: Record<string, string> = { 'impersonate-user': imp.user };
  if (imp.uid) headers['impersonate-uid'] = imp.uid;
  // Node joins repeated header values with ", " for most headers; the apiserver splits them.
  if (imp.groups.length > 0) headers['impersonate-group'] = imp.groups.join(', ');
  for (const [key, values] of Object.entries(imp.extra)) {
    headers[`impersonate-extra-${encodeURIComponent(key)}`] = values.join(', ');
  }
  return headers;
}

function decompress(response: IncomingMessage): IncomingMessage {
  if (response.headers['content-encoding'] !== 'gzip') return response;
  const gunzip = createGunzip();
  response.pipe(gunzip);
  return Object.assign(gunzip, {
    statusCode: response.statusCode,
    statusMessage: response.statusMessage,
    headers: response.headers,
  }) as unknown as IncomingMessage;
}

async function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function retryAfterSeconds(response: HttpResponse): number | undefined {
  if (response.status !== 429 && response.status < 500) return undefined;
  const header = response.headers['retry-after'];
  if (typeof header !== 'string' || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

function isResetError(error: unknown): boolean {
  return error instanceof Error && /connection reset|EOF|socket hang up/i.test(error.message);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { readFileSync, unlinkSync } from 'node:fs';
import http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { TlsConfig } from '../../config/rest-config.js';
import type { Authenticator } from '../auth/authenticator.js';
import { deferredExtraCas } from '../deferred-ca.js';
import { tlsMaterial } from '../tls-material.js';
import type { AgentBuild, AgentError, UpstreamSpec } from './agent-protocol.js';
import {
  AGENT_BUILD_SLOT,
  AGENT_HEADER,
  ERROR_HEADER,
  NO_AGENT_VARIABLE,
  REGISTER_PATH,
  UNKNOWN_UPSTREAM_STATUS,
  UPSTREAM_HEADER,
  agentDirectory,
  agentSocketPath,
  upstreamId,
} from './agent-protocol.js';

/** One request as the HttpClient would send it itself. */
export interface AgentRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
  timeoutMs: number;
}

/** Failures of reaching the socket at all: nothing was sent, the command may go direct. */
const UNREACHABLE = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ENOTSOCK', 'ENOTDIR']);

let agentStarted = false;

/**
 * The way to one API server through the user's agent. send() answers undefined when there is
 * no usable agent (and starts one for the next command): the caller then connects itself.
 */
export class AgentRoute {
  private readonly id: string;
  private readonly pool = new http.Agent({ keepAlive: true });

  constructor(
    private readonly socketPath: string,
    private readonly build: AgentBuild,
    private readonly spec: UpstreamSpec,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.id = upstreamId(spec);
  }

  async send(request: AgentRequest): Promise<IncomingMessage | undefined> {
    let response = await this.attempt(request);
    if (response && response.statusCode === UNKNOWN_UPSTREAM_STATUS) {
      response.resume();
      await this.register();
      response = await this.attempt(request);
    }
    if (!response) return undefined;
    const error = response.headers[ERROR_HEADER];
    if (typeof error === 'string') {
      response.resume();
      const reported = JSON.parse(decodeURIComponent(error)) as AgentError;
      throw Object.assign(new Error(reported.message), {
        code: reported.code,
        reason: reported.reason,
      });
    }
    return response;
  }

  close(): void {
    this.pool.destroy();
  }

  private async attempt(request: AgentRequest): Promise<IncomingMessage | undefined> {
    let response: IncomingMessage;
    try {
      response = await this.exchange(request);
    } catch (error) {
      if (!UNREACHABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      // none there, or one that died and left its socket: start one for the next command
      this.startAgent();
      return undefined;
    }
    if (response.headers[AGENT_HEADER] !== this.build.id) {
      // not this build's agent: put a new one in its place
      response.resume();
      this.replaceAgent();
      return undefined;
    }
    // what the command sees (and logs at -v=8) is the server's answer alone
    delete response.headers[AGENT_HEADER];
    return response;
  }

  private exchange(request: AgentRequest): Promise<IncomingMessage> {
    const headers: OutgoingHttpHeaders = { ...request.headers, [UPSTREAM_HEADER]: this.id };
    return new Promise((resolve, reject) => {
      const outgoing = http.request({
        socketPath: this.socketPath,
        method: request.method,
        path: `${request.url.pathname}${request.url.search}`,
        headers,
        agent: this.pool,
        signal: request.signal,
      });
      outgoing.on('response', resolve);
      outgoing.on('error', reject);
      if (request.timeoutMs > 0)
        outgoing.setTimeout(request.timeoutMs, () =>
          outgoing.destroy(Object.assign(new Error('timeout'), { code: 'KTL_TIMEOUT' })),
        );
      if (request.body !== undefined) outgoing.write(request.body);
      outgoing.end();
    });
  }

  private async register(): Promise<void> {
    const body = JSON.stringify(this.spec);
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = http.request({
        socketPath: this.socketPath,
        method: 'POST',
        path: REGISTER_PATH,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        agent: this.pool,
      });
      outgoing.on('response', resolve);
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    answer.resume();
  }

  private replaceAgent(): void {
    for (const path of [this.socketPath, `${this.socketPath}.pid`]) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
    this.startAgent();
  }

  /** Starts the agent detached, once per process, without the variables it must not inherit. */
  private startAgent(): void {
    if (agentStarted) return;
    agentStarted = true;
    const env = { ...this.env };
    delete env['NODE_EXTRA_CA_CERTS'];
    delete env['KTL_NODE_EXTRA_CA_CERTS'];
    void import('./agent-start.js')
      .then(({ spawnAgent }) => spawnAgent(this.build.entry, this.socketPath, this.build.id, env))
      .catch(() => undefined); // no agent this time: the next command tries again
  }
}

/**
 * The agent route to an HTTPS server, or undefined to connect directly: with KTL_NO_AGENT=1,
 * outside bin/ktl (no agent bundle), or without a private directory for the socket.
 */
export async function agentRoute(
  baseUrl: URL,
  tlsConfig: TlsConfig,
  authenticator: Authenticator | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AgentRoute | undefined> {
  if (env[NO_AGENT_VARIABLE] === '1') return undefined;
  const build = (globalThis as Record<symbol, unknown>)[AGENT_BUILD_SLOT] as AgentBuild | undefined;
  if (!build) return undefined;
  const dir = agentDirectory(env);
  if (!dir) return undefined;
  const material = await tlsMaterial(tlsConfig, authenticator, false);
  const base64 = (value: string | Buffer): string =>
    (typeof value === 'string' ? Buffer.from(value) : value).toString('base64');
  const spec: UpstreamSpec = {
    origin: baseUrl.origin,
    rejectUnauthorized: material.rejectUnauthorized,
  };
  if (material.ca) spec.ca = (Array.isArray(material.ca) ? material.ca : [material.ca]).map(base64);
  else {
    const extra = deferredExtraCas() ?? extraCasNodeLoaded(env);
    if (extra) spec.extraCas = base64(extra);
  }
  if (material.cert) spec.cert = base64(material.cert);
  if (material.key) spec.key = base64(material.key);
  if (material.servername) spec.servername = material.servername;
  return new AgentRoute(agentSocketPath(dir, build), build, spec, env);
}

/**
 * The CAs of a NODE_EXTRA_CA_CERTS that Node itself loaded (`node bin/ktl`, not moved aside):
 * this process trusts them, so must the agent, which was started without the variable.
 */
function extraCasNodeLoaded(env: NodeJS.ProcessEnv): Buffer | undefined {
  const file = env['NODE_EXTRA_CA_CERTS'];
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

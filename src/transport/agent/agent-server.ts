import { chmodSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { guardConnect } from '../http-client.js';
import { staleSocketFailure } from '../stale-socket.js';
import type { AgentError, RemoteCommand, UpstreamSpec } from './agent-protocol.js';
import {
  AGENT_HEADER,
  ERROR_HEADER,
  REGISTER_PATH,
  RUN_PATH,
  UNKNOWN_UPSTREAM_STATUS,
  UPSTREAM_HEADER,
  upstreamId,
} from './agent-protocol.js';

export interface AgentOptions {
  socketPath: string;
  /** This build's id, sent on every answer. */
  id: string;
  /** Exit after this long with no request in flight. */
  idleMs: number;
  /** Notes each forwarded request (method and path, nothing else): KTL_AGENT_LOG. */
  log?: (line: string) => void;
  /** Runs a whole command (src/cli/agent-run.ts): its framed output, undefined if declined. */
  runCommand?: (command: RemoteCommand) => Promise<Buffer | undefined>;
}

interface Upstream {
  url: URL;
  agent: https.Agent;
}

/** Headers that belong to one hop (RFC 9110 §7.6.1), and the agent's own. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'host',
  UPSTREAM_HEADER,
]);

function pooledAgent(spec: UpstreamSpec): https.Agent {
  const decode = (text: string): Buffer => Buffer.from(text, 'base64');
  const ca =
    spec.ca?.map(decode) ??
    (spec.extraCas ? [...tls.rootCertificates, decode(spec.extraCas)] : undefined);
  const options: https.AgentOptions = {
    keepAlive: true,
    scheduling: 'lifo',
    minVersion: 'TLSv1.2',
    rejectUnauthorized: spec.rejectUnauthorized,
  };
  if (ca) options.ca = ca;
  if (spec.cert) options.cert = decode(spec.cert);
  if (spec.key) options.key = decode(spec.key);
  const serverName = spec.servername;
  if (serverName) {
    options.servername = serverName;
    options.checkServerIdentity = (_host, peer) => tls.checkServerIdentity(serverName, peer);
  }
  return new https.Agent(options);
}

function withoutHopHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const kept: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (!HOP_HEADERS.has(name) && value !== undefined) kept[name] = value;
  return kept;
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Serves until idle for options.idleMs, or until its socket is no longer the one at the path
 * (removed, or taken by a newer agent); returns false at once if a live agent holds the path.
 */
export async function serveAgent(options: AgentOptions): Promise<boolean> {
  const upstreams = new Map<string, Upstream>();
  let inFlight = 0;
  let lastActive = Date.now();

  const forward = (id: string, req: IncomingMessage, res: ServerResponse): void => {
    const upstream = upstreams.get(id);
    if (!upstream) {
      res.writeHead(UNKNOWN_UPSTREAM_STATUS, { [AGENT_HEADER]: options.id }).end();
      return;
    }
    options.log?.(`${req.method ?? ''} ${upstream.url.origin}${req.url ?? ''}`);
    send(upstream, req, res, true);
  };

  const send = (
    upstream: Upstream,
    req: IncomingMessage,
    res: ServerResponse,
    mayRetry: boolean,
  ): void => {
    let responded = false;
    const outgoing = https.request({
      protocol: 'https:',
      host: upstream.url.hostname.replace(/^\[|\]$/g, ''),
      port: upstream.url.port || 443,
      method: req.method,
      path: req.url,
      headers: withoutHopHeaders(req.headers),
      agent: upstream.agent,
    });
    outgoing.on('socket', (socket) => guardConnect(outgoing, socket, true));
    outgoing.on('response', (answer) => {
      responded = true;
      const headers = withoutHopHeaders(answer.headers);
      headers[AGENT_HEADER] = options.id;
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    outgoing.on('error', (error: NodeJS.ErrnoException & { reason?: string }) => {
      // a pooled connection the server closed while idle: once more on a new one (no body to resend)
      if (mayRetry && staleSocketFailure(outgoing, error, req.method ?? 'GET', responded)) {
        send(upstream, req, res, false);
        return;
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const reported: AgentError = { message: error.message };
      if (error.code) reported.code = error.code;
      if (error.reason) reported.reason = error.reason;
      res
        .writeHead(502, {
          [AGENT_HEADER]: options.id,
          [ERROR_HEADER]: encodeURIComponent(JSON.stringify(reported)),
        })
        .end();
    });
    // The command went away (Ctrl-C, a finished `logs -f`): so does its request to the server.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    if (mayRetry) req.pipe(outgoing);
    else outgoing.end();
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    lastActive = Date.now();
    res.on('close', () => {
      inFlight--;
      lastActive = Date.now();
    });
    if (req.method === 'POST' && req.url === REGISTER_PATH) {
      void readAll(req).then((text) => {
        const spec = JSON.parse(text) as UpstreamSpec;
        const id = upstreamId(spec);
        if (!upstreams.has(id))
          upstreams.set(id, { url: new URL(spec.origin), agent: pooledAgent(spec) });
        res.writeHead(204, { [AGENT_HEADER]: options.id }).end();
      });
      return;
    }
    if (req.method === 'POST' && req.url === RUN_PATH) {
      void readAll(req)
        .then(async (text) => {
          const command = JSON.parse(text) as RemoteCommand;
          const output = await options.runCommand?.(command);
          // the command's name only: its arguments may hold a token
          options.log?.(`${output ? 'RUN' : 'DECLINED'} ${command.argv[0] ?? ''}`);
          return output;
        })
        .catch(() => undefined)
        .then((output) => {
          if (!output) res.writeHead(204, { [AGENT_HEADER]: options.id }).end();
          else
            res
              .writeHead(200, { [AGENT_HEADER]: options.id, 'content-length': output.length })
              .end(output);
        });
      return;
    }
    const id = req.headers[UPSTREAM_HEADER];
    forward(typeof id === 'string' ? id : '', req, res);
  });
  // Streams (watch, logs -f) stay open as long as the command wants them.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 5_000;

  if (!(await listen(server, options.socketPath))) return false;
  chmodSync(options.socketPath, 0o600);
  const inode = statSync(options.socketPath).ino;
  const pidFile = `${options.socketPath}.pid`;
  writeFileSync(pidFile, String(process.pid), { mode: 0o600 });

  await new Promise<void>((resolve) => {
    const check = setInterval(
      () => {
        const replaced = socketInode(options.socketPath) !== inode;
        const idle = inFlight === 0 && Date.now() - lastActive >= options.idleMs;
        if (!replaced && !idle) return;
        clearInterval(check);
        removeOwnFiles(replaced ? undefined : options.socketPath, pidFile);
        server.close();
        server.closeAllConnections();
        for (const upstream of upstreams.values()) upstream.agent.destroy();
        resolve();
      },
      Math.min(options.idleMs, 1000),
    );
  });
  return true;
}

function socketInode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

/** The pid file if it is still this agent's; the socket unless a newer agent took the path. */
function removeOwnFiles(socketPath: string | undefined, pidFile: string): void {
  try {
    if (readFileSync(pidFile, 'utf8') === String(process.pid)) unlinkSync(pidFile);
  } catch {
    // gone already
  }
  try {
    if (socketPath) unlinkSync(socketPath);
  } catch {
    // gone already
  }
}

/**
 * Listens on the socket path. A path left by an agent that died (nothing accepts on it) is
 * removed and taken; a live agent keeps it, and this one is not needed.
 */
async function listen(server: http.Server, path: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(path, () => resolve(undefined));
    });
    if (!error) return true;
    if (error.code !== 'EADDRINUSE' || (await answers(path))) return false;
    try {
      unlinkSync(path);
    } catch {
      // someone else removed it first
    }
  }
  return false;
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

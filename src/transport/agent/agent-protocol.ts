import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the ktl agent and its clients share. The agent (src/cli/agent-main.ts, dist/agent.cjs) is
 * a per-user process that holds TLS connections to API servers for short-lived ktl commands: a
 * command sends each HTTP request, in the clear, over a Unix socket in a directory only its
 * user can enter, and the agent sends it on over a pooled TLS connection. It holds no answers
 * (every request goes to the server) and decides nothing: the command resolves kubeconfig,
 * credentials and TLS material itself, on every run, and names the upstream by a hash of them,
 * so a changed kubeconfig, context or credential is a different upstream at once.
 */

/** Set by bin/ktl: where the agent's bundle is and the id of this build (see agentSocketPath). */
export interface AgentBuild {
  entry: string;
  id: string;
}
export const AGENT_BUILD_SLOT = Symbol.for('ktl.agent.build');

/** The environment switch that turns the agent (and bin/ktl's other start-up shortcuts) off. */
export const NO_AGENT_VARIABLE = 'KTL_NO_AGENT';

/** Request header: the upstream (hash of server and TLS material) a request is for. */
export const UPSTREAM_HEADER = 'x-ktl-upstream';
/** Response header of every agent answer: its build id (anything else is not our agent). */
export const AGENT_HEADER = 'x-ktl-agent';
/** Response header when the request never reached the server: the error, as JSON. */
export const ERROR_HEADER = 'x-ktl-agent-error';
/** Status of "register this upstream first". */
export const UNKNOWN_UPSTREAM_STATUS = 428;
/** Path of the registration request (POST, JSON UpstreamSpec). */
export const REGISTER_PATH = '/.ktl-agent/upstreams';

/** A server and the TLS material to reach it with, as sent to the agent (PEM text, base64). */
export interface UpstreamSpec {
  origin: string;
  rejectUnauthorized: boolean;
  /** The kubeconfig's CAs; none: Node's default roots plus `extraCas`. */
  ca?: string[];
  /** CAs deferred from NODE_EXTRA_CA_CERTS (see deferred-ca.ts), added to the default roots. */
  extraCas?: string;
  cert?: string;
  key?: string;
  servername?: string;
}

/** The upstream's name: a hash of everything in it (key material included, never sent apart). */
export function upstreamId(spec: UpstreamSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('base64url');
}

/** A socket-level failure the agent met, for the client to report as its own would have been. */
export interface AgentError {
  code?: string;
  message: string;
  reason?: string;
}

/**
 * The directory of the user's agents: $XDG_RUNTIME_DIR/ktl, else <tmp>/ktl-<uid>. Created 0700;
 * undefined (no agent) unless it is a real directory owned by this user that no one else may
 * enter, so a directory planted by someone else is never used.
 */
export function agentDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const runtime = env['XDG_RUNTIME_DIR'];
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const dir = runtime?.startsWith('/') ? join(runtime, 'ktl') : join(tmpdir(), `ktl-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const info = lstatSync(dir);
    if (!info.isDirectory() || info.uid !== uid || (info.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return dir;
}

/** The socket of this build's agent: agents of other builds (versions) have other names. */
export function agentSocketPath(dir: string, build: AgentBuild): string {
  return join(dir, `agent-${build.id}.sock`);
}

/** Path of a whole command run in the agent (POST, JSON RemoteCommand; see src/cli/agent-run.ts). */
export const RUN_PATH = '/.ktl-agent/run';

/** A command line and the process state it runs in, as the client sends it. */
export interface RemoteCommand {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns?: number;
}

/** Frames of a command's answer: its output in order, then its exit code. */
export const FRAME_STDOUT = 1;
export const FRAME_STDERR = 2;
export const FRAME_EXIT = 0;

/** One output frame: type, length (32-bit big-endian), bytes. */
export function frame(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(data.length, 1);
  return Buffer.concat([head, data]);
}

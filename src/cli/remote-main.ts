import { statSync } from 'node:fs';
import net from 'node:net';
import { isatty } from 'node:tty';
import { defaultKubercPath, kubercDisabled } from '../config/kuberc.js';
import type { AgentBuild, RemoteCommand } from '../transport/agent/agent-protocol.js';
import {
  AGENT_HEADER,
  FRAME_EXIT,
  FRAME_STDOUT,
  RUN_PATH,
  agentDirectory,
  agentSocketPath,
} from '../transport/agent/agent-protocol.js';

/**
 * dist/remote.cjs: bin/ktl's client for commands the agent runs whole (src/cli/agent-run.ts).
 * Only reads of the server that need no stdin and end by themselves are sent: get, describe,
 * logs, top, api-resources, api-versions and version, without a watch, a follow, a file or
 * kustomize argument, an interactive flag or a kuberc (whose defaults could add one). Anything
 * else, no agent, a busy one or one that declines, and this answers false: bin/ktl then runs
 * the command in this process (which starts an agent for the next command if there is none).
 */
const COMMANDS = new Set([
  'get',
  'describe',
  'logs',
  'top',
  'api-resources',
  'api-versions',
  'version',
]);
/** Flags (and their --flag=value forms) that watch, follow, read files or stdin, or prompt. */
const LOCAL_FLAGS = new Set([
  '-w',
  '--watch',
  '--watch-only',
  '-f',
  '--follow',
  '--filename',
  '-k',
  '--kustomize',
  '-R',
  '--recursive',
  '-i',
  '--stdin',
  '-it',
  '-ti',
  '-',
  // the profile is of the process that runs the command: this one, not the agent
  '--profile',
  '--profile-output',
]);

export function remoteEligible(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (!COMMANDS.has(argv[0] ?? '')) return false;
  for (const arg of argv) {
    if (arg === '--') return false;
    if (LOCAL_FLAGS.has(arg.split('=')[0] ?? '')) return false;
    // short flags bundled with -f or -w (e.g. -wA) watch or follow too
    if (/^-[a-zA-Z]*[wfki]/.test(arg) && !arg.startsWith('--')) return false;
  }
  return !kubercMayApply(env);
}

function kubercMayApply(env: NodeJS.ProcessEnv): boolean {
  if (kubercDisabled(env) || env['KUBERC'] === 'off') return false;
  try {
    statSync(defaultKubercPath(env));
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Runs the command in the agent: its exit code, or undefined when this process must run it. */
export async function runRemote(
  argv: string[],
  env: NodeJS.ProcessEnv,
  build: AgentBuild,
): Promise<number | undefined> {
  if (!remoteEligible(argv, env)) return undefined;
  const dir = agentDirectory(env);
  if (!dir) return undefined;
  const command: RemoteCommand = {
    argv,
    env: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    cwd: process.cwd(),
    stdinIsTTY: isatty(0),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
  if (process.stdout.columns) command.columns = process.stdout.columns;
  const answer = await exchange(agentSocketPath(dir, build), JSON.stringify(command));
  if (!answer || answer.agent !== build.id || answer.status !== 200) return undefined;
  return replay(answer.body);
}

interface Answer {
  status: number;
  agent: string;
  body: Buffer;
}

/** One HTTP/1.1 request over the socket, written by hand: node:http costs more to load. */
function exchange(socketPath: string, body: string): Promise<Answer | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const chunks: Buffer[] = [];
    socket.on('connect', () => {
      // not end(): the server would take the half-close as the client gone, and not answer
      socket.write(
        `POST ${RUN_PATH} HTTP/1.1\r\nHost: ktl-agent\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => resolve(undefined));
    socket.on('close', () => resolve(parse(Buffer.concat(chunks))));
  });
}

function parse(raw: Buffer): Answer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
  const header = (name: string): string =>
    head
      .find((line) => line.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const body = raw.subarray(end + 4);
  const length = Number(header('content-length') || -1);
  if (status === 200 && body.length !== length) return undefined;
  return { status, agent: header(AGENT_HEADER), body };
}

/** Writes the frames to stdout and stderr in their order; the exit frame's code, if complete. */
function replay(body: Buffer): number | undefined {
  const frames: Array<{ type: number; data: Buffer }> = [];
  for (let at = 0; at + 5 <= body.length;) {
    const type = body.readUInt8(at);
    const length = body.readUInt32BE(at + 1);
    frames.push({ type, data: body.subarray(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  const exit = frames.at(-1);
  if (exit?.type !== FRAME_EXIT || exit.data.length !== 4) return undefined;
  for (const { type, data } of frames.slice(0, -1))
    (type === FRAME_STDOUT ? process.stdout : process.stderr).write(data);
  return exit.data.readInt32BE(0);
}

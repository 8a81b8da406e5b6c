/**
 * One exec or attach stream (kubectl's remotecommand executor as its exec and attach commands
 * use it): the query, the WebSocket session with raw-mode stdin and terminal sizes, the outcome.
 */
import { BareError, PlainError } from '../errors/errors.js';
import { REMOTE_COMMAND_PROTOCOLS } from '../transport/stream-protocol.js';
import type { RemoteCommandOutcome } from '../transport/stream-protocol.js';
import { RemoteCommandSession } from '../transport/stream-protocol-remotecommand.js';
import { dialWebSocket } from '../transport/websocket-dial.js';
import type { Factory } from './factory.js';

/** What to stream for one exec or attach. */
export interface RemoteCommandRequest {
  /** e.g. /api/v1/namespaces/ns/pods/p/exec */
  path: string;
  query: URLSearchParams;
  stdin: boolean;
  tty: boolean;
}

/** Stream flags as kubectl sends them: stdout always, stderr unless a TTY merges it. */
export function streamQuery(stdin: boolean, tty: boolean, container: string): URLSearchParams {
  const query = new URLSearchParams();
  query.set('container', container);
  if (stdin) query.set('stdin', 'true');
  query.set('stdout', 'true');
  if (!tty) query.set('stderr', 'true');
  if (tty) query.set('tty', 'true');
  return query;
}

type RawInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
type SizedOutput = { columns?: number; rows?: number; on?: (e: 'resize', f: () => void) => void };

/**
 * Opens the WebSocket (v5, falling back to v4), streams until the remote side ends, and returns
 * how the command ended. A TTY puts local stdin in raw mode and forwards terminal sizes.
 */
export async function streamRemoteCommand(
  factory: Factory,
  request: RemoteCommandRequest,
): Promise<RemoteCommandOutcome> {
  const connection = await dialWebSocket(await factory.streamDialer(), {
    path: request.path,
    query: request.query,
    protocols: [...REMOTE_COMMAND_PROTOCOLS],
  });
  const { streams } = factory;
  const session = new RemoteCommandSession(connection, {
    ...(request.stdin ? { stdin: streams.in } : {}),
    stdout: streams.out,
    stderr: streams.err,
  });
  const input = streams.in as RawInput;
  const output = streams.out as SizedOutput;
  const raw = request.tty && input.isTTY === true && typeof input.setRawMode === 'function';
  if (raw) input.setRawMode?.(true);
  const sendSize = (): void => {
    if (output.columns && output.rows) session.resize(output.columns, output.rows);
  };
  if (request.tty) {
    sendSize();
    output.on?.('resize', sendSize);
  }
  try {
    return await session.run();
  } finally {
    if (raw) input.setRawMode?.(false);
  }
}

/** Turns an outcome into ktl's result: nothing, kubectl's exit-code line, or an error. */
export function finishRemoteCommand(outcome: RemoteCommandOutcome): void {
  if (outcome.kind === 'success') return;
  if (outcome.kind === 'exit') {
    throw new BareError(outcome.message, outcome.exitCode);
  }
  throw new PlainError(outcome.message);
}

/** kubectl's SetupTTY: a TTY only with -i and a terminal on stdin, saying so otherwise. */
export function useTty(
  factory: Factory,
  stdin: boolean,
  opts: { tty?: boolean; quiet?: boolean },
): boolean {
  if (!stdin || opts.tty !== true) return false;
  if (factory.streams.in.isTTY === true) return true;
  if (!opts.quiet)
    factory.streams.err.write(
      'Unable to use a TTY - input is not a terminal or the right kind of file\n',
    );
  return false;
}

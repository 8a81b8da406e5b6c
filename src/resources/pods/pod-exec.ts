/**
 * One command run in a pod's container over the exec subresource (WebSocket v5, else v4), with
 * caller-chosen ends for its streams: what `cp` builds its tar pipes on.
 */
import { REMOTE_COMMAND_PROTOCOLS } from '../../transport/stream-protocol.js';
import type { RemoteCommandOutcome } from '../../transport/stream-protocol.js';
import { RemoteCommandSession } from '../../transport/stream-protocol-remotecommand.js';
import type { StreamDialer } from '../../transport/websocket-dial.js';
import { dialWebSocket } from '../../transport/websocket-dial.js';
import type { OutputStream } from '../../util/io-streams.js';

/** What to run where, and where its streams go. */
export interface PodExecRequest {
  namespace: string;
  pod: string;
  /** Empty: the server's choice (the pod's only container). */
  container: string;
  command: readonly string[];
  stdin?: NodeJS.ReadableStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
}

/** The exec URL's query as kubectl builds it (no TTY). */
function execQuery(request: PodExecRequest): URLSearchParams {
  const query = new URLSearchParams();
  if (request.container) query.set('container', request.container);
  if (request.stdin) query.set('stdin', 'true');
  query.set('stdout', 'true');
  query.set('stderr', 'true');
  for (const word of request.command) query.append('command', word);
  return query;
}

/** Runs the command until the server closes the stream; refused upgrades throw the server's error. */
export async function execInPod(
  dialer: StreamDialer,
  request: PodExecRequest,
): Promise<RemoteCommandOutcome> {
  const path = `/api/v1/namespaces/${encodeURIComponent(request.namespace)}/pods/${encodeURIComponent(request.pod)}/exec`;
  const connection = await dialWebSocket(dialer, {
    path,
    query: execQuery(request),
    protocols: [...REMOTE_COMMAND_PROTOCOLS],
  });
  const session = new RemoteCommandSession(connection, {
    ...(request.stdin ? { stdin: request.stdin } : {}),
    ...(request.stdout ? { stdout: request.stdout } : {}),
    ...(request.stderr ? { stderr: request.stderr } : {}),
  });
  return session.run();
}

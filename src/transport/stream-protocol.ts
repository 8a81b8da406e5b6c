/**
 * Kubernetes' channel WebSocket protocols (remotecommand v4/v5, port-forward v4): every binary
 * message starts with one byte naming its channel.
 */

/** remotecommand subprotocols, best first: v5 adds closing a channel (stdin EOF). */
export const REMOTE_COMMAND_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

/** The port-forward subprotocol the kubelet (and kwok) serve over a plain WebSocket. */
export const PORT_FORWARD_PROTOCOLS = ['v4.channel.k8s.io'] as const;

/** remotecommand channel numbers. */
export const Channel = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  error: 3,
  resize: 4,
  /** v5: a message `[255, n]` closes channel n. */
  close: 255,
} as const;

/** A message for one channel. */
export function channelMessage(channel: number, data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from([channel]), body]);
}

/** Splits a received message into its channel and data (undefined for an empty message). */
export function splitChannelMessage(
  payload: Buffer,
): { channel: number; data: Buffer } | undefined {
  if (payload.length === 0) return undefined;
  return { channel: payload[0] ?? 0, data: payload.subarray(1) };
}

/** v5's close-channel message. */
export function closeChannelMessage(channel: number): Buffer {
  return Buffer.from([Channel.close, channel]);
}

/** A terminal-resize message (channel 4), as client-go's TerminalSize JSON. */
export function resizeMessage(width: number, height: number): Buffer {
  return channelMessage(Channel.resize, JSON.stringify({ Width: width, Height: height }));
}

/** How a remote command ended, from the Status on the error channel. */
export type RemoteCommandOutcome =
  | { kind: 'success' }
  | { kind: 'exit'; exitCode: number; message: string }
  | { kind: 'error'; message: string };

interface StreamStatus {
  status?: string;
  message?: string;
  reason?: string;
  details?: { causes?: Array<{ reason?: string; message?: string }> };
}

/**
 * Decodes the error channel's content as client-go's v4+ error decoder does: a Success Status,
 * a NonZeroExitCode Status carrying an ExitCode cause, or a failure message.
 */
export function decodeStreamStatus(text: string): RemoteCommandOutcome {
  if (text.trim() === '') return { kind: 'success' };
  let status: StreamStatus;
  try {
    status = JSON.parse(text) as StreamStatus;
  } catch {
    return { kind: 'error', message: `error stream protocol error: ${text}` };
  }
  if (status.status === 'Success') return { kind: 'success' };
  if (status.status !== 'Failure')
    return { kind: 'error', message: 'error stream protocol error: unknown error' };
  if (status.reason !== 'NonZeroExitCode') return { kind: 'error', message: status.message ?? '' };
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  if (!cause) {
    return { kind: 'error', message: 'error stream protocol error: no ExitCode cause given' };
  }
  const code = Number(cause.message);
  if (!Number.isInteger(code) || code < 0 || code > 255) {
    return {
      kind: 'error',
      message: `error stream protocol error: invalid exit code value "${cause.message ?? ''}"`,
    };
  }
  return { kind: 'exit', exitCode: code, message: `command terminated with exit code ${code}` };
}

import type { ClientRequest } from 'node:http';

/** Methods Go's transport replays on a fresh connection (http.Request.isReplayable). */
const REPLAYABLE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * Whether a failed request may be sent again on a new connection, as Go's transport retries a
 * request that failed on a reused keep-alive connection the server had already closed
 * (persistConn.shouldRetryRequest): the socket came from the pool, no response arrived, the
 * failure is the peer's close (ECONNRESET, EPIPE), and the method is replayable. Without this a
 * pooled connection the server dropped while idle failed the next command with "write EPIPE".
 */
export function staleSocketFailure(
  request: ClientRequest,
  error: unknown,
  method: string,
  responded: boolean,
): boolean {
  if (responded || !request.reusedSocket) return false;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ECONNRESET' && code !== 'EPIPE') return false;
  return REPLAYABLE.has(method.toUpperCase());
}

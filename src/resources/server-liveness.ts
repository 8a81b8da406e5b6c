import type { HttpClient } from '../transport/http-client.js';
import { ApiStatusError } from '../errors/errors.js';

/** How long an answer from the server counts as proof that it is alive, in ms. */
const ANSWER_VALID_MS = 10_000;
/** How long a probe may take before the server counts as hung (client-go's HTTP/2 PingTimeout is 15 s). */
export const PROBE_TIMEOUT_MS = 10_000;

interface ProbeState {
  answeredAt: number;
  pending?: Promise<boolean>;
}

const states = new WeakMap<HttpClient, ProbeState>();

/**
 * Whether the server behind a client still answers. A watch stream that carries no data cannot
 * tell a quiet collection from a hung server (HTTP/1.1 has no ping, so client-go's HTTP/2
 * health check has no direct equivalent here): a small GET /version on another connection
 * can. Any HTTP answer, even an error status, proves the server alive; a timeout or a
 * connection error does not. Probes of one client are shared, so twenty informers of a
 * dashboard send one request.
 */
export function serverAnswers(client: HttpClient, signal?: AbortSignal): Promise<boolean> {
  const state = states.get(client) ?? { answeredAt: 0 };
  states.set(client, state);
  if (Date.now() - state.answeredAt < ANSWER_VALID_MS) return Promise.resolve(true);
  state.pending ??= probe(client, signal).then((alive) => {
    if (alive) state.answeredAt = Date.now();
    delete state.pending;
    return alive;
  });
  return state.pending;
}

/** Records that the server answered (a watch event is as good as a probe). */
export function noteServerAnswered(client: HttpClient): void {
  const state = states.get(client) ?? { answeredAt: 0 };
  state.answeredAt = Date.now();
  states.set(client, state);
}

async function probe(client: HttpClient, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.request({
      path: '/version',
      allowErrorStatus: true,
      defaultTimeoutMs: PROBE_TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    return true;
  } catch (error) {
    return error instanceof ApiStatusError;
  }
}

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s ... capped at 30 s, each randomised to 50–100 %. */
export function backoffDelay(failures: number, baseMs = 1000, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

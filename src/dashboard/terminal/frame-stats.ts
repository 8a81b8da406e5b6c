import { writeFileSync } from 'node:fs';

/** Percentiles of a list of milliseconds. */
function summary(values: number[]): { count: number; p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: values.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Frame statistics for the benchmark (KTL_DASH_STATS=file): how long each Ink frame took to
 * render, how many frames per second were drawn, and the time from a key press to the next
 * frame on screen. Written as JSON when the dashboard ends.
 */
export class FrameStats {
  private readonly renderMs: number[] = [];
  private readonly keyToFrameMs: number[] = [];
  private readonly frameTimes: number[] = [];
  /** V8 heap in use (MB), sampled at most once a second. */
  private readonly heapMb: number[] = [];
  private pendingKeyAt: number | undefined;

  constructor(private readonly file: string) {}

  /** Ink's onRender callback. */
  onRender = (metrics: { renderTime: number }): void => {
    const now = performance.now();
    this.renderMs.push(metrics.renderTime);
    const last = this.frameTimes[this.frameTimes.length - 1];
    if (last === undefined || Math.floor(last / 1000) !== Math.floor(now / 1000))
      this.heapMb.push(process.memoryUsage().heapUsed / 1048576);
    this.frameTimes.push(now);
    if (this.pendingKeyAt !== undefined) {
      this.keyToFrameMs.push(now - this.pendingKeyAt);
      this.pendingKeyAt = undefined;
    }
  };

  /** Called when input is readable (before Ink reads it). */
  onKey = (): void => {
    this.pendingKeyAt ??= performance.now();
  };

  /** Writes the summary. */
  write(): void {
    const seconds = new Map<number, number>();
    for (const t of this.frameTimes)
      seconds.set(Math.floor(t / 1000), (seconds.get(Math.floor(t / 1000)) ?? 0) + 1);
    writeFileSync(
      this.file,
      JSON.stringify({
        renderMs: summary(this.renderMs),
        keyToFrameMs: summary(this.keyToFrameMs),
        framesPerSecond: summary([...seconds.values()]),
        heapUsedMbFirstTenth: summary(this.heapMb.slice(0, Math.ceil(this.heapMb.length / 10))),
        heapUsedMbLastTenth: summary(this.heapMb.slice(-Math.ceil(this.heapMb.length / 10))),
      }),
    );
  }
}

/**
 * Coalesces bursts of changes into frames: however many times `schedule()` is called, `flush`
 * runs at most once per interval (10 frames a second by default), the first one promptly.
 */
export class FrameScheduler {
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Asks for a frame; returns at once. */
  schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastFlush = this.now();
      this.flush();
    }, wait);
  }

  /** Drops a pending frame (when the view goes away). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

import type { KeyPress } from '../input/keys.js';

/** What the queue asks of the controller. */
export interface KeyQueueHost {
  /** Applies one key in the current mode; a promise holds the keys after it. */
  apply(press: KeyPress): void | Promise<void>;
  /** A wait before the next key may be applied (a table still loading its first rows). */
  hold(): Promise<void> | undefined;
  /** A key's promise failed. */
  failed(error: unknown): void;
  /** After a run of keys was applied (redraw). */
  drained(): void;
}

/**
 * The keys typed and not yet applied. Keys are applied one at a time; while one that started
 * something asynchronous (a type lookup, a drill-down) is pending, or the view on top is still
 * loading, the keys after it wait, so each goes to the mode and view it was typed for.
 */
export class KeyQueue {
  private readonly queue: KeyPress[] = [];
  private pending: Promise<void> | undefined;

  constructor(private readonly host: KeyQueueHost) {}

  push(presses: readonly KeyPress[]): void {
    this.queue.push(...presses);
    this.drain();
  }

  private drain(): void {
    while (this.pending === undefined && this.queue.length > 0) {
      const hold = this.host.hold();
      if (hold) {
        this.pending = hold.finally(() => this.settled());
        break;
      }
      const press = this.queue.shift() as KeyPress;
      const result = this.host.apply(press);
      if (result instanceof Promise) {
        this.pending = result
          .catch((error: unknown) => this.host.failed(error))
          .finally(() => this.settled());
      }
    }
    this.host.drained();
  }

  private settled(): void {
    this.pending = undefined;
    this.drain();
  }
}

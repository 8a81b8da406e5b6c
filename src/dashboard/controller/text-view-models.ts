import type { HttpClient } from '../../transport/http-client.js';
import type { LogSource } from '../model/log-stream.js';
import { LogStream } from '../model/log-stream.js';
import { viewId } from '../model/views.js';

/** Where a scrolling view is moved to by a movement key. */
export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/** A position after a move, clamped to [0, last]. */
export function moved(position: number, move: Move, last: number, page: number): number {
  const next = {
    up: position - 1,
    down: position + 1,
    pageUp: position - page,
    pageDown: position + page,
    top: 0,
    bottom: last,
  }[move];
  return Math.max(0, Math.min(next, last));
}

function errorLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** A scrollable text (YAML, describe): loaded once when opened. */
export class TextViewModel {
  readonly kind = 'text';
  readonly id = viewId();
  lines: string[] | undefined;
  error = '';
  top = 0;

  constructor(
    readonly title: string,
    load: () => Promise<string>,
    onLoaded: () => void,
  ) {
    load().then(
      (text) => {
        this.lines = text.replace(/\n$/, '').split('\n');
        onLoaded();
      },
      (error: unknown) => {
        this.error = errorLine(error);
        onLoaded();
      },
    );
  }

  /** Scrolls; `height` is how many lines fit. */
  move(move: Move, height: number): void {
    const last = Math.max(0, (this.lines?.length ?? 0) - height);
    this.top = moved(this.top, move, last, height - 1);
  }
}

/** A container's log, followed while the view is on screen. */
export class LogViewModel {
  readonly kind = 'logs';
  readonly id = viewId();
  stream: LogStream | undefined;
  follow = true;
  top = 0;

  constructor(
    public source: LogSource,
    readonly containers: string[],
  ) {}

  /** Starts following (again). */
  attach(client: HttpClient, onFrame: () => void): void {
    this.detach();
    this.stream = new LogStream(client, this.source, onFrame);
    void this.stream.run();
  }

  detach(): void {
    this.stream?.stop();
    this.stream = undefined;
  }

  /** The first line on screen. */
  first(height: number): number {
    const last = this.lastTop(height);
    return this.follow ? last : Math.min(this.top, last);
  }

  move(move: Move, height: number): void {
    const last = this.lastTop(height);
    this.top = moved(this.first(height), move, last, height - 1);
    this.follow = this.top >= last;
  }

  toggleFollow(height: number): void {
    this.top = this.first(height);
    this.follow = !this.follow;
  }

  /** Switches to the next container (the stream restarts on it). */
  nextContainer(client: HttpClient, onFrame: () => void): void {
    if (this.containers.length < 2) return;
    const index = this.containers.indexOf(this.source.container);
    const container = this.containers[(index + 1) % this.containers.length];
    if (container === undefined) return;
    this.source = { ...this.source, container };
    this.top = 0;
    this.follow = true;
    if (this.stream) this.attach(client, onFrame);
  }

  private lastTop(height: number): number {
    return Math.max(0, (this.stream?.lines.length ?? 0) - height);
  }
}

/** A list to pick from (contexts). */
export class PickViewModel {
  readonly kind = 'pick';
  readonly id = viewId();
  selected: number;
  offset = 0;

  constructor(
    readonly title: string,
    readonly items: string[],
    readonly current: string,
    readonly onPick: (item: string) => void,
  ) {
    this.selected = Math.max(0, items.indexOf(current));
  }

  move(move: Move, height: number): void {
    this.selected = moved(this.selected, move, Math.max(0, this.items.length - 1), height - 1);
  }
}

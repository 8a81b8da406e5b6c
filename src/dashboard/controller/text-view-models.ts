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
  /** The text's other form is shown (YAML: with managedFields). */
  alternate = false;
  /** The first column on screen (horizontal scroll, for long lines). */
  left = 0;
  /** The `/` search: its text, the lines that match, and which match is current. */
  search = '';
  matches: number[] = [];
  match = -1;

  constructor(
    readonly title: string,
    private readonly load: (alternate: boolean) => Promise<string>,
    private readonly onLoaded: () => void,
    /** What the other form is called (`managedFields`); undefined when there is none. */
    readonly alternateName?: string,
  ) {
    this.reload();
  }

  /** Shows the other form of the text (`m` on YAML), where there is one. */
  toggleAlternate(): void {
    if (this.alternateName === undefined) return;
    this.alternate = !this.alternate;
    this.reload();
  }

  private reload(): void {
    const alternate = this.alternate;
    this.load(alternate).then(
      (text) => {
        if (alternate !== this.alternate) return;
        this.lines = text.replace(/\n$/, '').split('\n');
        this.top = Math.min(this.top, Math.max(0, this.lines.length - 1));
        this.onLoaded();
      },
      (error: unknown) => {
        this.error = errorLine(error);
        this.onLoaded();
      },
    );
  }

  /** Scrolls; `height` is how many lines fit. */
  move(move: Move, height: number): void {
    const last = Math.max(0, (this.lines?.length ?? 0) - height);
    this.top = moved(this.top, move, last, height - 1);
  }

  /** Scrolls sideways by `columns` (negative: back to the left), never past the longest line. */
  scrollSideways(columns: number): void {
    const longest = Math.max(0, ...(this.lines ?? []).map((l) => l.length));
    this.left = Math.max(0, Math.min(this.left + columns, Math.max(0, longest - 1)));
  }

  /** `/text`: the lines holding it (case-insensitive), and the first at or below the top. */
  setSearch(text: string, height: number): void {
    this.search = text;
    const needle = text.toLowerCase();
    this.matches = [];
    if (needle !== '')
      (this.lines ?? []).forEach((line, i) => {
        if (line.toLowerCase().includes(needle)) this.matches.push(i);
      });
    const next = this.matches.findIndex((line) => line >= this.top);
    this.match = this.matches.length === 0 ? -1 : Math.max(0, next);
    this.showMatch(height);
  }

  /** n / N: the next or previous match (around the end). */
  nextMatch(step: 1 | -1, height: number): void {
    if (this.matches.length === 0) return;
    this.match = (this.match + step + this.matches.length) % this.matches.length;
    this.showMatch(height);
  }

  /** Scrolls so that the current match is the top line (or as near as the end allows). */
  private showMatch(height: number): void {
    const line = this.matches[this.match];
    if (line === undefined) return;
    const last = Math.max(0, (this.lines?.length ?? 0) - height);
    this.top = Math.min(line, last);
    const column = (this.lines?.[line] ?? '').toLowerCase().indexOf(this.search.toLowerCase());
    // Long lines: bring the match into view.
    if (column < this.left) this.left = Math.max(0, column - 10);
  }
}

/** How much history a log view starts with. */
export interface LogWindow {
  label: string;
  tailLines?: number;
  sinceSeconds?: number;
}

/** The log windows of keys 0–6 (k9s's): a tail, everything, or the last minutes. */
export const LOG_WINDOWS: readonly LogWindow[] = [
  { label: 'tail 500', tailLines: 500 },
  { label: 'all' },
  { label: '1m', sinceSeconds: 60 },
  { label: '5m', sinceSeconds: 300 },
  { label: '15m', sinceSeconds: 900 },
  { label: '30m', sinceSeconds: 1800 },
  { label: '1h', sinceSeconds: 3600 },
];

/** A pod whose containers' logs a log view can show. */
export interface LogPod {
  namespace: string;
  pod: string;
  containers: string[];
}

/**
 * Logs, followed while the view is on screen: one container of one pod, every container of a
 * pod, or every pod of a workload; with k9s's options (previous, timestamps, window, wrap).
 */
export class LogViewModel {
  readonly kind = 'logs';
  readonly id = viewId();
  stream: LogStream | undefined;
  follow = true;
  top = 0;
  /** The container shown of a single pod; '' for every container. */
  container: string;
  previous: boolean;
  timestamps = false;
  wrap = false;
  window = 0;

  constructor(
    /** What the logs are of (`pod/web-1`, `deployments/web`). */
    readonly subject: string,
    readonly pods: LogPod[],
    options: { previous?: boolean } = {},
  ) {
    const only = pods.length === 1 ? pods[0] : undefined;
    this.container = only?.containers[0] ?? '';
    this.previous = options.previous === true;
  }

  /** The containers followed. */
  sources(): LogSource[] {
    return this.pods.flatMap(({ namespace, pod, containers }) =>
      (this.container === '' ? containers : [this.container]).map((container) => ({
        namespace,
        pod,
        container,
      })),
    );
  }

  /** Starts following (again, after an option changed). */
  attach(client: HttpClient, onFrame: () => void): void {
    this.detach();
    const window: LogWindow = LOG_WINDOWS[this.window] ?? { label: '' };
    this.stream = new LogStream(
      client,
      this.sources(),
      {
        previous: this.previous,
        timestamps: this.timestamps,
        ...(window.tailLines !== undefined ? { tailLines: window.tailLines } : {}),
        ...(window.sinceSeconds !== undefined ? { sinceSeconds: window.sinceSeconds } : {}),
      },
      onFrame,
    );
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

  /** Switches a single pod's view to its next container (or from all back to the first). */
  nextContainer(): boolean {
    const containers = this.pods.length === 1 ? (this.pods[0]?.containers ?? []) : [];
    if (containers.length < 2) return false;
    const index = containers.indexOf(this.container);
    this.container = containers[(index + 1) % containers.length] ?? this.container;
    return true;
  }

  /** Every container, or back to one (a single pod). */
  toggleAllContainers(): boolean {
    if (this.pods.length !== 1) return false;
    this.container = this.container === '' ? (this.pods[0]?.containers[0] ?? '') : '';
    return true;
  }

  /** What the title says about the options. */
  describeOptions(): string {
    const parts = [LOG_WINDOWS[this.window]?.label ?? ''];
    if (this.previous) parts.push('previous');
    if (this.timestamps) parts.push('timestamps');
    if (this.wrap) parts.push('wrap');
    if (this.follow) parts.push('follow');
    return parts.join(' · ');
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

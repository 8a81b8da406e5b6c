import { ApiStatusError } from '../errors/errors.js';
import type { HttpClient } from '../transport/http-client.js';
import { listPages } from './list.js';
import type { ResourceRef } from './resource-ref.js';
import type { WatchEvent } from './watch-stream.js';
import { watchEvents } from './watch-stream.js';
import { backoffDelay } from './backoff.js';
import { noteServerAnswered, serverAnswers } from './server-liveness.js';
import { itemsOf, TABLE_ACCEPT, uidOf } from './informer-items.js';
import type { InformerItem } from './informer-items.js';
import type { KubeObject } from './kube-object.js';

/** What the user is shown about an informer's connection. */
export interface InformerState {
  phase: 'listing' | 'synced' | 'reconnecting' | 'stopped';
  /** When the data stopped being known current (set while reconnecting). */
  staleSince?: Date;
  lastError?: string;
  resourceVersion: string;
  /** How many times the list was fetched (1 at start; more after 410 Gone or outages). */
  lists: number;
  /** Failed attempts in a row while reconnecting (the backoff grows with it; 0 once resumed). */
  failures?: number;
}

/** A change the informer saw; on relist, changes are computed by comparing with what it held. */
export interface InformerChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  item: InformerItem;
}

/** Settings of an Informer. */
export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  pageSize?: number;
  /** Server-side Table rows instead of objects (what `get -w` and the dashboard draw). */
  table?: boolean;
  /** A silent connection is dropped after this long (bookmarks arrive about once a minute). */
  inactivityMs?: number;
  /**
   * After this long without an event the server is probed (GET /version); a server that does
   * not answer within 10 s makes the watch stale at once (phase 'reconnecting', staleSince set)
   * instead of after the inactivity timeout. Default 20 s, so a hung server shows in ~30 s.
   */
  idleProbeMs?: number;
  /** The wait before reconnect attempt N (tests shorten it); exponential with jitter by default. */
  backoff?: (failures: number) => number;
  onChange?: (changes: InformerChange[]) => void;
  onState?: (state: InformerState) => void;
  /** Called once with the Table column definitions (table mode). */
  onColumns?: (columns: unknown[]) => void;
  /**
   * Keeps only what the user of the cache reads of each object (client-go's SetTransform), so
   * that a cache of full objects stays small; it must keep metadata.uid and resourceVersion.
   */
  transform?: (object: KubeObject) => KubeObject;
  /**
   * The first list's pages are reported (as ADDED changes) as they arrive, not once it is
   * complete, and the next page is asked for while one is decoded (the dashboard's screen fills
   * from the first page; the server sends items in name order). Later relists are unchanged:
   * one batch of differences at the end.
   */
  progressive?: boolean;
}

/**
 * One list-and-watch cache for a (resource, namespace scope): paged LIST, WATCH from its
 * resourceVersion with bookmarks, relist on 410 Gone, rewatch after a normal close, backoff
 * with jitter on errors and an inactivity timer. Items are kept in a Map by uid.
 */
export class Informer {
  readonly items = new Map<string, InformerItem>();
  private stateValue: InformerState = { phase: 'listing', resourceVersion: '', lists: 0 };
  private readonly controller = new AbortController();
  private running: Promise<void> | undefined;
  /** Failed attempts in a row; reset once a relist or a watch event shows the server is back. */
  private failures = 0;
  private columnsSent = false;

  constructor(
    private readonly client: HttpClient,
    private readonly ref: ResourceRef,
    private readonly options: InformerOptions = {},
  ) {}

  get state(): InformerState {
    return this.stateValue;
  }

  /** Starts listing and watching; resolves when the first list is in. */
  start(): Promise<void> {
    let resolveSynced: () => void = () => undefined;
    let rejectSynced: (error: unknown) => void = () => undefined;
    const synced = new Promise<void>((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    this.running = this.loop(resolveSynced, rejectSynced);
    return synced;
  }

  /** Stops the watch and waits for the loop to end. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.running?.catch(() => undefined);
    this.setState({ phase: 'stopped' });
  }

  private async loop(onSynced: () => void, onFirstError: (error: unknown) => void): Promise<void> {
    let needList = true;
    let first = true;
    while (!this.controller.signal.aborted) {
      try {
        if (needList) {
          await this.relist();
          needList = false;
          if (first) onSynced();
          first = false;
        }
        await this.watchOnce();
        this.failures = 0;
      } catch (error) {
        if (this.controller.signal.aborted) return;
        if (first && isFatal(error)) {
          onFirstError(error);
          return;
        }
        if (isGone(error)) {
          needList = true;
          continue;
        }
        this.failures++;
        this.setState({
          phase: 'reconnecting',
          staleSince:
            this.stateValue.staleSince ??
            (error instanceof WatchStaleError ? error.since : new Date()),
          lastError: describe(error),
          failures: this.failures,
        });
        needList = needList || this.failures > 1;
        const backoff = this.options.backoff ?? backoffDelay;
        await sleep(backoff(this.failures), this.controller.signal);
      }
    }
  }

  private async relist(): Promise<void> {
    const seen = new Map<string, InformerItem>();
    let resourceVersion = '';
    // Pages of a first list can be shown as they come: there is nothing to compare them with.
    const progressive =
      this.options.progressive === true && this.stateValue.lists === 0 && this.items.size === 0;
    const pages = listPages<KubeObject>(this.client, this.ref, {
      ...this.listScope(),
      chunkSize: this.options.pageSize ?? 500,
      accept: this.options.table ? TABLE_ACCEPT : 'application/json',
      signal: this.controller.signal,
      ...(this.options.progressive ? { prefetch: true } : {}),
    });
    for await (const page of pages) {
      this.maybeSendColumns(page.body);
      const added: InformerChange[] = [];
      for (const item of this.itemsOf(page.body)) {
        const uid = uidOf(item);
        seen.set(uid, item);
        if (progressive) {
          this.items.set(uid, item);
          added.push({ type: 'ADDED', item });
        }
      }
      resourceVersion = page.resourceVersion;
      if (added.length > 0) this.options.onChange?.(added);
    }
    const changes: InformerChange[] = [];
    if (!progressive) {
      for (const [uid, item] of this.items)
        if (!seen.has(uid)) changes.push({ type: 'DELETED', item });
      for (const [uid, item] of seen) {
        const old = this.items.get(uid);
        if (!old) changes.push({ type: 'ADDED', item });
        else if (resourceVersionOf(old) !== resourceVersionOf(item))
          changes.push({ type: 'MODIFIED', item });
      }
      this.items.clear();
      for (const [uid, item] of seen) this.items.set(uid, item);
    }
    // The server answered in full: the next outage starts its backoff from the beginning.
    this.failures = 0;
    this.setState({ phase: 'synced', resourceVersion, lists: this.stateValue.lists + 1 });
    if (changes.length > 0) this.options.onChange?.(changes);
  }

  private async watchOnce(): Promise<void> {
    const watch = new AbortController();
    const stopWatch = (): void => watch.abort();
    this.controller.signal.addEventListener('abort', stopWatch, { once: true });
    const idle = new IdleProbe(this.client, this.options.idleProbeMs ?? 20_000, watch);
    const events = watchEvents<KubeObject>(this.client, this.ref, {
      ...this.listScope(),
      resourceVersion: this.stateValue.resourceVersion,
      allowBookmarks: true,
      timeoutSeconds: 300 + Math.floor(Math.random() * 300),
      inactivityMs: this.options.inactivityMs ?? 90_000,
      accept: this.options.table ? TABLE_ACCEPT : 'application/json',
      signal: watch.signal,
    });
    try {
      for await (const event of events) {
        idle.activity();
        this.failures = 0;
        this.apply(event);
      }
    } catch (error) {
      // Aborted by the probe while still connecting: the staleness is the news, not the abort.
      if (!idle.staleSince) throw error;
    } finally {
      idle.stop();
      this.controller.signal.removeEventListener('abort', stopWatch);
    }
    if (idle.staleSince && !this.controller.signal.aborted)
      throw new WatchStaleError(idle.staleSince);
  }

  private apply(event: WatchEvent<KubeObject>): void {
    if (event.type === 'ERROR') {
      const status = event.object as { code?: number; message?: string; reason?: string };
      throw new ApiStatusError({ ...status, status: 'Failure' }, status.code ?? 500);
    }
    if (this.stateValue.phase !== 'synced') this.setState({ phase: 'synced' });
    const rv = (event.object.metadata?.resourceVersion as string | undefined) ?? '';
    if (event.type === 'BOOKMARK') {
      if (rv) this.stateValue = { ...this.stateValue, resourceVersion: rv };
      return;
    }
    this.maybeSendColumns(event.object);
    const changes: InformerChange[] = [];
    for (const item of this.itemsOf(event.object)) {
      const uid = uidOf(item);
      if (event.type === 'DELETED') this.items.delete(uid);
      else this.items.set(uid, item);
      changes.push({ type: event.type, item });
      const itemRv = resourceVersionOf(item);
      if (itemRv) this.stateValue = { ...this.stateValue, resourceVersion: itemRv };
    }
    if (changes.length > 0) this.options.onChange?.(changes);
  }

  /** The items of a list or an event, transformed when a transform is set. */
  private itemsOf(body: unknown): InformerItem[] {
    const items = itemsOf(body, this.options.table === true);
    const transform = this.options.transform;
    if (!transform) return items;
    return items.map((item) => ({ ...item, object: transform(item.object) }));
  }

  private listScope(): { namespace?: string; labelSelector?: string; fieldSelector?: string } {
    const scope: { namespace?: string; labelSelector?: string; fieldSelector?: string } = {};
    if (this.options.namespace) scope.namespace = this.options.namespace;
    if (this.options.labelSelector) scope.labelSelector = this.options.labelSelector;
    if (this.options.fieldSelector) scope.fieldSelector = this.options.fieldSelector;
    return scope;
  }

  private maybeSendColumns(body: unknown): void {
    const columns = (body as { columnDefinitions?: unknown[] }).columnDefinitions;
    if (this.columnsSent || !Array.isArray(columns) || columns.length === 0) return;
    this.columnsSent = true;
    this.options.onColumns?.(columns);
  }

  private setState(patch: Partial<InformerState>): void {
    const next: InformerState = { ...this.stateValue, ...patch };
    if (patch.phase === 'synced') {
      delete next.staleSince;
      delete next.lastError;
    }
    this.stateValue = next;
    this.options.onState?.(next);
  }
}

/** The server stopped answering while the watch was quiet: what it holds may be out of date. */
export class WatchStaleError extends Error {
  constructor(readonly since: Date) {
    super(`the server did not answer for ${Math.round((Date.now() - since.getTime()) / 1000)}s`);
  }
}

/**
 * Watches a watch for silence: after `idleMs` without an event it asks whether the server
 * still answers, and aborts the watch (recording since when) if it does not.
 */
class IdleProbe {
  staleSince: Date | undefined;
  private lastContact = new Date();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly client: HttpClient,
    private readonly idleMs: number,
    private readonly watch: AbortController,
  ) {
    this.arm();
  }

  activity(): void {
    this.lastContact = new Date();
    noteServerAnswered(this.client);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.stopped || this.idleMs <= 0) return;
    this.timer = setTimeout(() => void this.check(), this.idleMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const alive = await serverAnswers(this.client, this.watch.signal);
    if (this.stopped) return;
    if (alive) {
      this.lastContact = new Date();
      this.arm();
      return;
    }
    this.staleSince = this.lastContact;
    this.watch.abort();
  }
}

function resourceVersionOf(item: InformerItem): string {
  return (item.object.metadata?.resourceVersion as string | undefined) ?? '';
}

function isGone(error: unknown): boolean {
  return (
    error instanceof ApiStatusError &&
    (error.httpCode === 410 || error.reason === 'Expired' || error.reason === 'Gone')
  );
}

function isFatal(error: unknown): boolean {
  return error instanceof ApiStatusError && [401, 403, 404].includes(error.httpCode);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

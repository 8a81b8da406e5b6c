import type { InformerChange, InformerState } from '../../resources/informer.js';
import { Informer } from '../../resources/informer.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { TableScope } from './types.js';

/** What a view hears from a shared informer. */
export interface InformerListener {
  onChange?: (changes: InformerChange[]) => void;
  onState?: (state: InformerState) => void;
  onColumns?: (columns: unknown[]) => void;
  onFatal?: (error: unknown) => void;
}

/**
 * An informer of whole objects instead of Table rows (for views that read specs, like xray),
 * each object cut down by `transform` to what those views read; informers of the same name
 * are shared.
 */
export interface ObjectMode {
  name: string;
  transform: (object: KubeObject) => KubeObject;
}

/** One informer shared by every view of the same scope, with its listeners. */
export class SharedInformer {
  readonly informer: Informer;
  columns: unknown[] | undefined;
  fatal: unknown;
  readonly listeners = new Set<InformerListener>();
  users = 0;
  idleTimer: NodeJS.Timeout | undefined;

  constructor(
    client: HttpClient,
    scope: TableScope,
    health: ConnectionHealth,
    objects?: ObjectMode,
  ) {
    this.informer = new Informer(client, scope.ref, {
      ...(scope.namespace && scope.ref.namespaced ? { namespace: scope.namespace } : {}),
      ...(scope.labelSelector ? { labelSelector: scope.labelSelector } : {}),
      ...(scope.fieldSelector ? { fieldSelector: scope.fieldSelector } : {}),
      table: objects === undefined,
      ...(objects ? { transform: objects.transform } : {}),
      // Not progressive (yet): showing the first list page by page put the first screen of
      // 20,000 pods up in 0.8 s instead of 3.5 s, but the whole list took 4.9 s and RSS grew
      // 8-13 MiB at 5,000 and 20,000 pods (bench, issue 19): a regression at 5,000.
      onChange: (changes) => this.listeners.forEach((l) => l.onChange?.(changes)),
      onState: (state) => {
        health.observe(state);
        this.listeners.forEach((l) => l.onState?.(state));
      },
      onColumns: (columns) => {
        this.columns = columns;
        this.listeners.forEach((l) => l.onColumns?.(columns));
      },
    });
    this.informer.start().catch((error: unknown) => {
      this.fatal = error;
      this.listeners.forEach((l) => l.onFatal?.(error));
    });
  }
}

/**
 * The connection of a context as a whole, across its informers: whether any list ever came
 * in, and since when no data has been current. A view opened during an outage then shows when
 * the context went stale, not when that view started trying; a context that never answered
 * shows that, not "stale".
 */
export class ConnectionHealth {
  everSynced = false;
  staleSince: Date | undefined;

  observe(state: InformerState): void {
    if (state.phase === 'synced') {
      this.everSynced = true;
      this.staleSince = undefined;
    } else if (state.phase === 'reconnecting' && this.everSynced)
      this.staleSince ??= state.staleSince ?? new Date();
  }
}

/** The key of a scope: type, namespace and selectors. */
export function scopeKey(scope: TableScope): string {
  const { group, resource } = scope.ref;
  const namespace = scope.ref.namespaced ? scope.namespace : '';
  return [group, resource, namespace, scope.labelSelector ?? '', scope.fieldSelector ?? ''].join(
    '|',
  );
}

/**
 * The dashboard's one watch cache: an informer per (type, namespace, selectors), shared by
 * every view that shows it, and kept warm for a while after the last view leaves so that
 * going back is instant (k9s re-lists on back; this does not).
 */
export class InformerPool {
  private readonly shared = new Map<string, SharedInformer>();
  readonly health = new ConnectionHealth();

  constructor(
    readonly client: HttpClient,
    private readonly idleMs = 60_000,
    private readonly maxIdle = 6,
  ) {}

  /** The shared informer of a scope, started if new; call `release` when the view leaves. */
  acquire(
    scope: TableScope,
    listener: InformerListener,
    objects?: ObjectMode,
  ): { shared: SharedInformer; release: () => void } {
    const key = objects ? `${scopeKey(scope)}|${objects.name}` : scopeKey(scope);
    let shared = this.shared.get(key);
    if (!shared) {
      shared = new SharedInformer(this.client, scope, this.health, objects);
      this.shared.set(key, shared);
    }
    clearTimeout(shared.idleTimer);
    shared.users++;
    shared.listeners.add(listener);
    const target = shared;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      target.listeners.delete(listener);
      target.users--;
      if (target.users === 0) this.park(key, target);
    };
    return { shared, release };
  }

  /** How many informers are running (for tests and the status line). */
  get size(): number {
    return this.shared.size;
  }

  /** Stops every informer. */
  async stopAll(): Promise<void> {
    const all = [...this.shared.values()];
    this.shared.clear();
    all.forEach((s) => clearTimeout(s.idleTimer));
    await Promise.all(all.map((s) => s.informer.stop()));
  }

  private park(key: string, shared: SharedInformer): void {
    shared.idleTimer = setTimeout(() => this.drop(key, shared), this.idleMs);
    shared.idleTimer.unref();
    const idle = [...this.shared.entries()].filter(([, s]) => s.users === 0);
    if (idle.length > this.maxIdle) {
      const [oldestKey, oldest] = idle[0] as [string, SharedInformer];
      this.drop(oldestKey, oldest);
    }
  }

  private drop(key: string, shared: SharedInformer): void {
    if (shared.users > 0 || this.shared.get(key) !== shared) return;
    clearTimeout(shared.idleTimer);
    this.shared.delete(key);
    void shared.informer.stop();
  }
}

import type { InformerState } from '../../resources/informer.js';
import { FrameScheduler } from '../model/frame-scheduler.js';
import type { InformerPool } from '../model/informer-pool.js';
import type { RowFilter } from '../model/row-filter.js';
import { parseRowFilter } from '../model/row-filter.js';
import type { TableSnapshot } from '../model/table-model.js';
import { extraKey, TableModel } from '../model/table-model.js';
import type { SortSpec, TableScope } from '../model/types.js';
import type { UsageKind } from '../model/usage.js';
import { USAGE_COLUMNS, UsagePoller } from '../model/usage.js';
import { viewId } from '../model/views.js';
import { RowSelection } from './row-selection.js';

/** How long keys typed for a new table wait for its first rows. */
const LOAD_WAIT_MS = 2000;

/** What a table view is created with. */
export interface TableViewOptions {
  scope: TableScope;
  /** Fixed by a drill-down (Node → Pods); otherwise the namespace follows the user's choice. */
  pinnedNamespace?: boolean;
  /** Shown instead of the type (e.g. "pods of deployments/web"). */
  title?: string;
  /** Enter picks a namespace instead of drilling down (`:ns`). */
  picksNamespace?: boolean;
  filter?: string;
}

/**
 * A live table of one resource type: its scope, filter, sort and selection, and the row model
 * fed by the shared informer of its scope while the view is on screen.
 */
export class TableViewModel extends RowSelection {
  readonly kind = 'table';
  readonly id = viewId();
  scope: TableScope;
  readonly pinnedNamespace: boolean;
  readonly title: string | undefined;
  readonly picksNamespace: boolean;
  filter = '';
  /** Why the filter text is not usable (an invalid regular expression), or ''. */
  filterError = '';
  sort: SortSpec | undefined;
  wide = false;
  state: InformerState | undefined;
  fatal: unknown;
  model: TableModel;
  /** Settles when the first list is in (or failed), or after LOAD_WAIT_MS at most. */
  loaded: Promise<void> = Promise.resolve();
  /** Keys typed for this table wait for `loaded` (until its first list, or the wait ran out). */
  holdsKeys = false;
  private markLoaded: () => void = () => undefined;
  private parsedFilter: RowFilter | undefined;
  private release: (() => void) | undefined;
  private frames: FrameScheduler | undefined;
  private usage: UsagePoller | undefined;
  private pool: InformerPool | undefined;
  /** How many rows the screen shows (set when drawn): the rows whose usage is asked for. */
  pageSize = 0;

  constructor(options: TableViewOptions) {
    super();
    this.scope = options.scope;
    this.pinnedNamespace = options.pinnedNamespace === true;
    this.title = options.title;
    this.picksNamespace = options.picksNamespace === true;
    this.model = this.newModel();
    this.setFilter(options.filter ?? '');
  }

  /** The scope the informer watches: the view's, narrowed by a `-l` filter. */
  get informerScope(): TableScope {
    const selector = this.parsedFilter?.labelSelector;
    return selector !== undefined ? { ...this.scope, labelSelector: selector } : this.scope;
  }

  /** Starts following the informer of the scope; `onFrame` is called at most ten times a second. */
  attach(pool: InformerPool, onFrame: () => void): void {
    this.detach();
    this.waitForList();
    const frames = new FrameScheduler(onFrame);
    const model = this.model;
    const { shared, release } = pool.acquire(this.informerScope, {
      onChange: (changes) => {
        model.applyChanges(changes);
        frames.schedule();
      },
      onColumns: (columns) => {
        model.setColumns(columns);
        frames.schedule();
      },
      onState: (state) => {
        this.state = state;
        if (state.lists > 0) this.markLoaded();
        frames.schedule();
      },
      onFatal: (error) => {
        this.fatal = error;
        this.markLoaded();
        frames.schedule();
      },
    });
    if (shared.columns) model.setColumns(shared.columns);
    model.reset(shared.informer.items.values());
    this.state = shared.informer.state;
    this.fatal = shared.fatal;
    if (this.state.lists > 0 || this.fatal !== undefined) this.markLoaded();
    this.frames = frames;
    this.release = release;
    this.pool = pool;
    this.startUsage();
  }

  /** Pods and nodes show CPU and memory from the metrics API (rows on screen) when it answers. */
  private startUsage(): void {
    const kind = usageKind(this.scope);
    const { pool, frames } = this;
    if (!kind || !pool || !frames || this.usage) return;
    const rows = () =>
      this.snapshot()
        .rows.slice(this.offset, this.offset + Math.max(1, this.pageSize))
        .map((row) => ({
          key: extraKey(kind === 'pods' ? row.namespace : '', row.name),
          namespace: row.namespace,
          name: row.name,
        }));
    this.usage = new UsagePoller(
      pool.client,
      kind,
      rows,
      () => this.model.size,
      (cells) => {
        if (cells) this.model.setExtraColumns(USAGE_COLUMNS[kind], cells);
        else this.model.setExtraColumns([], new Map());
        frames.schedule();
      },
    );
    this.usage.start();
  }

  /** The screen was drawn: if other rows are on it now, their usage is asked for soon. */
  drawn(): void {
    this.usage?.rowsChanged();
  }

  private waitForList(): void {
    this.holdsKeys = true;
    this.loaded = new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.holdsKeys = false;
        resolve();
      };
      this.markLoaded = done;
      // Keys wait for a new table's rows, but never for long: an outage must not eat them.
      const timer = setTimeout(done, LOAD_WAIT_MS);
      timer.unref();
    });
  }

  /** Stops following (the informer stays warm in the pool for a while). */
  detach(): void {
    this.stopUsage();
    this.markLoaded();
    this.frames?.cancel();
    this.release?.();
    this.frames = undefined;
    this.release = undefined;
  }

  /** Whether the view is following its informer. */
  get attached(): boolean {
    return this.release !== undefined;
  }

  /** Changes what the view watches (namespace, selectors): a fresh row model. */
  rescope(scope: TableScope, pool: InformerPool | undefined, onFrame: () => void): void {
    const wasAttached = this.attached;
    this.detach();
    this.scope = scope;
    this.model = this.newModel();
    this.resetSelection();
    this.marks.clear();
    this.state = undefined;
    this.fatal = undefined;
    if (wasAttached && pool) this.attach(pool, onFrame);
  }

  /** Sets the `/` filter; a `-l` filter changes the informer (re-attached by the caller). */
  setFilter(text: string): void {
    this.filter = text;
    const parsed = parseRowFilter(text);
    this.filterError = parsed?.error ?? '';
    this.parsedFilter = parsed?.error ? undefined : parsed;
    this.model.setFilter(this.parsedFilter);
    this.resetSelection();
  }

  setSort(sort: SortSpec | undefined): void {
    this.sort = sort;
    this.model.setSort(sort);
  }

  toggleWide(): void {
    this.wide = !this.wide;
    this.model.setWide(this.wide);
  }

  private stopUsage(): void {
    this.usage?.stop();
    this.usage = undefined;
  }

  /** The current frame. */
  snapshot(): TableSnapshot {
    return this.model.snapshot();
  }

  private newModel(): TableModel {
    const showNamespace = this.scope.ref.namespaced && this.scope.namespace === '';
    const model = new TableModel({ showNamespace });
    model.setFilter(this.parsedFilter);
    model.setSort(this.sort);
    model.setWide(this.wide);
    return model;
  }
}

/** Which usage a table shows: pods' or nodes' (core types only), else none. */
function usageKind(scope: TableScope): UsageKind | undefined {
  if (scope.ref.group !== '') return undefined;
  if (scope.ref.resource === 'pods') return 'pods';
  if (scope.ref.resource === 'nodes') return 'nodes';
  return undefined;
}

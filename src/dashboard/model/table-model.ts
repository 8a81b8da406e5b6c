import type { InformerChange } from '../../resources/informer.js';
import type { InformerItem } from '../../resources/informer-items.js';
import { uidOf } from '../../resources/informer-items.js';
import type { KubeObject } from '../../resources/kube-object.js';
import {
  cellText,
  columnIndex,
  columnsFromDefinitions,
  FALLBACK_COLUMNS,
  isAgeColumn,
  NAMESPACE_COLUMN,
} from './columns.js';
import type { RowFilter } from './row-filter.js';
import { rowPasses } from './row-filter.js';
import { compareCells } from './sorting.js';
import { toneOfRow } from './status-tone.js';
import type { DashColumn, RowTone, SortSpec } from './types.js';

/** One row as the dashboard draws it. */
export interface DashRow {
  uid: string;
  name: string;
  namespace: string;
  /** The object (in table mode, its metadata only). */
  object: KubeObject;
  /** Cells of every column the model knows (wide ones included). */
  cells: string[];
  tone: RowTone;
  createdAt: number;
  /** What the `/` filter matches against. */
  text: string;
  /** The informer item the row was made from. */
  source: InformerItem;
}

/** What a frame draws: the visible columns and the filtered, sorted rows. */
export interface TableSnapshot {
  columns: DashColumn[];
  /** For each visible column, its index in DashRow.cells. */
  cellIndex: number[];
  rows: DashRow[];
  /** Rows before filtering. */
  total: number;
  /** Widest cell per visible column (over the filtered rows). */
  widths: number[];
  /** Visible index of the AGE column (computed live), or -1. */
  ageColumn: number;
  version: number;
}

/** Settings of a TableModel. */
export interface TableModelOptions {
  /** Add a NAMESPACE column (listing a namespaced type across all namespaces). */
  showNamespace: boolean;
}

const MAX_COLUMN_WIDTH = 60;

/**
 * The row model between an informer and the screen (k9s's model layer): it turns informer
 * items into rows once per change, and computes filtered, sorted frames on demand.
 */
export class TableModel {
  private columns: DashColumn[] = FALLBACK_COLUMNS;
  private readonly rowsByUid = new Map<string, DashRow>();
  private filter: RowFilter | undefined;
  private sort: SortSpec | undefined;
  private wide = false;
  private version = 0;
  private cached: TableSnapshot | undefined;
  /**
   * Every row in sort order, kept up to date by small batches of changes (a binary search per
   * change) so that a frame during churn does not sort 20,000 rows again; undefined when the
   * next frame must sort from scratch (a new sort, new columns, a large batch).
   */
  private order: DashRow[] | undefined;
  private compare: ((a: DashRow, b: DashRow) => number) | undefined;
  /** Columns the dashboard adds (usage), placed before AGE, and their cells by usage key. */
  private extraColumns: DashColumn[] = [];
  private extraCells = new Map<string, string[]>();

  constructor(private readonly options: TableModelOptions) {}

  /** Sets the server's Table columns (rebuilds every row). */
  setColumns(definitions: unknown[]): void {
    this.columns = columnsFromDefinitions(definitions);
    this.reset([...this.rowsByUid.values()].map((row) => row.source));
  }

  /**
   * Sets the added columns (CPU, MEM…) and the cells of the rows they are known for, keyed
   * `namespace/name` (a cluster-scoped row: its name). Rows without cells show n/a-less blanks.
   */
  setExtraColumns(columns: DashColumn[], cells: Map<string, string[]>): void {
    const changedColumns =
      columns.map((c) => c.name).join() !== this.extraColumns.map((c) => c.name).join();
    const before = this.extraCells;
    this.extraColumns = columns;
    this.extraCells = cells;
    if (changedColumns) {
      this.reset([...this.rowsByUid.values()].map((row) => row.source));
      return;
    }
    for (const row of [...this.rowsByUid.values()]) {
      const key = extraKey(row.namespace, row.name);
      if (before.get(key)?.join() !== cells.get(key)?.join()) this.put(row.source);
    }
    this.invalidate();
  }

  /** How many rows there are (before filtering). */
  get size(): number {
    return this.rowsByUid.size;
  }

  /** Replaces all rows with the informer's current items. */
  reset(items: Iterable<InformerItem>): void {
    this.rowsByUid.clear();
    this.resetOrder();
    for (const item of items) this.put(item);
    this.invalidate();
  }

  /** Applies a batch of informer changes. */
  applyChanges(changes: readonly InformerChange[]): void {
    // Placing each row by binary search beats sorting again only for small batches.
    if (changes.length > Math.max(64, this.rowsByUid.size / 16)) this.order = undefined;
    for (const change of changes) {
      if (change.type === 'DELETED') this.remove(uidOf(change.item));
      else this.put(change.item);
    }
    this.invalidate();
  }

  /** Sets the `/` filter (undefined clears it). */
  setFilter(filter: RowFilter | undefined): void {
    this.filter = filter;
    this.invalidate();
  }

  /** Sets the sort column and direction (undefined: the server's order, by name). */
  setSort(sort: SortSpec | undefined): void {
    this.sort = sort;
    this.resetOrder();
    this.invalidate();
  }

  /** Shows or hides the wide (priority > 0) columns. */
  setWide(wide: boolean): void {
    this.wide = wide;
    this.invalidate();
  }

  /** The current frame; computed again only after something changed. */
  snapshot(): TableSnapshot {
    this.cached ??= this.compute();
    return this.cached;
  }

  private invalidate(): void {
    this.cached = undefined;
    this.version++;
  }

  /** Forgets the kept order and comparator (the sort or the columns changed). */
  private resetOrder(): void {
    this.order = undefined;
    this.compare = undefined;
  }

  private comparatorNow(): (a: DashRow, b: DashRow) => number {
    this.compare ??= this.comparator(this.allColumns());
    return this.compare;
  }

  private remove(uid: string): void {
    const old = this.rowsByUid.get(uid);
    if (!old) return;
    this.rowsByUid.delete(uid);
    if (this.order) this.unplace(this.order, old);
  }

  /** Takes a row out of the kept order. */
  private unplace(order: DashRow[], row: DashRow): void {
    let at = this.lowerBound(order, row);
    if (order[at] !== row) at = order.indexOf(row);
    if (at >= 0) order.splice(at, 1);
  }

  /** The first index whose row does not sort before `row`. */
  private lowerBound(order: DashRow[], row: DashRow): number {
    const compare = this.comparatorNow();
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(order[middle] as DashRow, row) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private put(item: InformerItem): void {
    const meta = item.object.metadata ?? {};
    const name = meta.name ?? '';
    const namespace = meta.namespace ?? '';
    const cells = item.row ? item.row.cells.map(cellText) : [name, ''];
    if (this.options.showNamespace) cells.unshift(namespace);
    if (this.extraColumns.length > 0) {
      const extra =
        this.extraCells.get(extraKey(namespace, name)) ?? this.extraColumns.map(() => '');
      cells.splice(this.extraAt(), 0, ...extra);
    }
    const columns = this.allColumns();
    const status = cells[columnIndex(columns, 'status')];
    const ready = cells[columnIndex(columns, 'ready')];
    const created = Date.parse(meta.creationTimestamp ?? '');
    const uid = uidOf(item);
    const row: DashRow = {
      uid,
      name,
      namespace,
      object: item.object,
      cells,
      tone: toneOfRow(status, ready),
      createdAt: Number.isNaN(created) ? 0 : created,
      text: cells.join(' '),
      source: item,
    };
    const old = this.rowsByUid.get(uid);
    this.rowsByUid.set(uid, row);
    const order = this.order;
    if (!order) return;
    if (old) this.unplace(order, old);
    order.splice(this.lowerBound(order, row), 0, row);
  }

  private allColumns(): DashColumn[] {
    const columns = this.options.showNamespace
      ? [NAMESPACE_COLUMN, ...this.columns]
      : [...this.columns];
    if (this.extraColumns.length > 0) columns.splice(this.extraAt(), 0, ...this.extraColumns);
    return columns;
  }

  /** Where the added columns go: before AGE (k9s puts usage there), else at the end. */
  private extraAt(): number {
    const age = this.columns.findIndex(isAgeColumn);
    const at = age >= 0 ? age : this.columns.length;
    return this.options.showNamespace ? at + 1 : at;
  }

  private compute(): TableSnapshot {
    const all = this.allColumns();
    const cellIndex: number[] = [];
    all.forEach((column, index) => {
      if (column.priority === 0 || this.wide) cellIndex.push(index);
    });
    const columns = cellIndex.map((index) => all[index] as DashColumn);
    if (!this.order) {
      this.order = [...this.rowsByUid.values()];
      this.order.sort(this.comparatorNow());
    }
    // A copy: the kept order changes with the next batch, a frame's rows must not.
    const rows = this.filter?.test
      ? this.order.filter((row) => rowPasses(this.filter, row.text))
      : this.order.slice();
    const ageColumn = columns.findIndex(isAgeColumn);
    const sorted = this.sort ? columnIndex(columns, this.sort.column) : -1;
    return {
      columns,
      cellIndex,
      rows,
      total: this.rowsByUid.size,
      widths: widthsOf(columns, cellIndex, rows, ageColumn, sorted),
      ageColumn,
      version: this.version,
    };
  }

  private comparator(all: DashColumn[]): (a: DashRow, b: DashRow) => number {
    const byName = (a: DashRow, b: DashRow): number =>
      a.namespace < b.namespace
        ? -1
        : a.namespace > b.namespace
          ? 1
          : a.name < b.name
            ? -1
            : a.name > b.name
              ? 1
              : 0;
    const sort = this.sort;
    if (!sort) return byName;
    const index = columnIndex(all, sort.column);
    if (index < 0) return byName;
    const sign = sort.descending ? -1 : 1;
    if (isAgeColumn(all[index] as DashColumn))
      return (a, b) => sign * (b.createdAt - a.createdAt) || byName(a, b);
    return (a, b) =>
      sign * compareCells(a.cells[index] ?? '', b.cells[index] ?? '') || byName(a, b);
  }
}

function widthsOf(
  columns: DashColumn[],
  cellIndex: number[],
  rows: DashRow[],
  ageColumn: number,
  sorted: number,
): number[] {
  // The sorted column's header carries an arrow (RESTARTS↑): one more character.
  const widths = columns.map((c, i) => c.name.length + (i === sorted ? 1 : 0));
  for (const row of rows) {
    for (let i = 0; i < cellIndex.length; i++) {
      const length = (row.cells[cellIndex[i] as number] ?? '').length;
      if (length > (widths[i] as number)) widths[i] = Math.min(length, MAX_COLUMN_WIDTH);
    }
  }
  if (ageColumn >= 0) widths[ageColumn] = Math.max(widths[ageColumn] as number, 7);
  return widths;
}

/** The key of a row's added cells: `namespace/name`, or the name of a cluster-scoped row. */
export function extraKey(namespace: string, name: string): string {
  return namespace === '' ? name : `${namespace}/${name}`;
}

import { formatCell } from './cells.js';
import { formatLabels, labelColumnHeader } from '../labels.js';
import type { GroupKind, RowObject, Table, TableColumnDefinition } from './table-types.js';
import { groupKindPrefix } from './table-types.js';

/** Options of the human-readable (table) printer, as kubectl's PrintOptions. */
export interface TableOptions {
  /** -o wide: show columns with a non-zero priority. */
  wide?: boolean;
  /** --no-headers. */
  noHeaders?: boolean;
  /** -A on a namespaced type: a leading NAMESPACE column. */
  withNamespace?: boolean;
  /** --show-labels: a trailing LABELS column. */
  showLabels?: boolean;
  /** -L keys: one column per key. */
  columnLabels?: readonly string[];
  /** Several types printed: names become `kind.group/name`. */
  withKind?: GroupKind;
  /** Colour the STATUS column and headers (terminals only). */
  colour?: boolean;
}

/** Column definitions and raw cells after kubectl's decorateTable. */
export interface DecoratedTable {
  columns: TableColumnDefinition[];
  rows: unknown[][];
}

function labelsOf(object: RowObject | null | undefined): Record<string, string> | undefined {
  return object?.metadata?.labels ?? undefined;
}

function labelCells(object: RowObject, options: TableOptions): unknown[] {
  const labels = labelsOf(object) ?? {};
  const cells: unknown[] = (options.columnLabels ?? []).map((key) => labels[key] ?? '');
  if (options.showLabels) cells.push(formatLabels(labels));
  return cells;
}

function decoratedColumns(base: TableColumnDefinition[], options: TableOptions) {
  const columns: TableColumnDefinition[] = [];
  if (options.withNamespace) columns.push({ name: 'Namespace', type: 'string' });
  columns.push(...base);
  for (const key of options.columnLabels ?? [])
    columns.push({ name: labelColumnHeader(key), type: 'string' });
  if (options.showLabels) columns.push({ name: 'Labels', type: 'string' });
  return columns;
}

function nameColumnIndex(columns: TableColumnDefinition[], options: TableOptions): number {
  if (!options.withKind || options.withKind.kind === '') return -1;
  return columns.findIndex((c) => c.format === 'name' && c.type === 'string');
}

/** kubectl's decorateTable: NAMESPACE first, label columns last, kind-prefixed names. */
export function decorateTable(table: Table, options: TableOptions): DecoratedTable {
  const base = table.columnDefinitions ?? [];
  const columns = decoratedColumns(base, options);
  const width = columns.length;
  const nameColumn = nameColumnIndex(base, options);
  const prefix = options.withKind ? groupKindPrefix(options.withKind) : '';
  const includeLabels = (options.columnLabels?.length ?? 0) > 0 || options.showLabels === true;
  const rows = (table.rows ?? []).map((row) => {
    let cells = [...(row.cells ?? [])];
    if (nameColumn !== -1 && nameColumn < cells.length)
      cells[nameColumn] = `${prefix}/${formatCell(cells[nameColumn])}`;
    const object = row.object;
    if (!object || typeof object !== 'object') {
      if (options.withNamespace) cells = [null, ...cells];
      // kubectl's padding loop re-reads the growing length: it adds about half the gap.
      for (let j = 0; j < width - cells.length; j++) cells.push(null);
      return cells;
    }
    if (options.withNamespace) cells = [object.metadata?.namespace ?? '', ...cells];
    if (includeLabels) cells.push(...labelCells(object, options));
    return cells;
  });
  return { columns, rows };
}

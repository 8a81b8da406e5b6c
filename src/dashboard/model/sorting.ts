import type { DashColumn, SortSpec } from './types.js';

/** Compares two cell values: quantities and counts numerically, everything else as text. */
export function compareCells(a: string, b: string): number {
  const na = numericValue(a);
  const nb = numericValue(b);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

const UNITS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  Ki: 1024,
  M: 1e6,
  Mi: 1024 ** 2,
  G: 1e9,
  Gi: 1024 ** 3,
  T: 1e12,
  Ti: 1024 ** 4,
};

/** "3", "1/2" (ready: the first number), "250m", "1Gi" as numbers; undefined for other text. */
function numericValue(text: string): number | undefined {
  const ready = /^(\d+)\/(\d+)$/.exec(text);
  if (ready) return Number(ready[1]);
  const restarts = /^(\d+)(?: \(.*\))?$/.exec(text);
  if (restarts) return Number(restarts[1]);
  const quantity = /^(\d+(?:\.\d+)?)(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/.exec(text);
  if (!quantity) return undefined;
  return Number(quantity[1]) * (UNITS[quantity[2] ?? ''] ?? 1);
}

/** A sort key: a named column (again: reverse), or the previous/next column. */
export type SortKey = 'name' | 'age' | 'status' | 'previous' | 'next';

/**
 * The sort after a sort key (N, A, S, <, >) on a table with these columns; undefined when the
 * key does not apply (no such column).
 */
export function sortAfter(
  key: SortKey,
  sort: SortSpec | undefined,
  columns: readonly DashColumn[],
): SortSpec | undefined {
  const names = columns.map((c) => c.name);
  if (key === 'previous' || key === 'next') {
    if (names.length === 0) return undefined;
    const current = sort
      ? names.findIndex((n) => n.toLowerCase() === sort.column.toLowerCase())
      : -1;
    const step = key === 'next' ? 1 : -1;
    const next = (current + step + names.length) % names.length;
    return { column: names[next] as string, descending: false };
  }
  const column = names.find((n) => n.toLowerCase() === key);
  if (column === undefined) return undefined;
  const same = sort?.column.toLowerCase() === column.toLowerCase();
  return { column, descending: same ? !sort?.descending : false };
}

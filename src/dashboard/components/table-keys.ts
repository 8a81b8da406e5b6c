import type { TableSnapshot } from '../model/table-model.js';
import type { SortSpec } from '../model/types.js';

/** The sort after a sort key (N, A, S, <, >), or undefined when the key is not one. */
export function sortAfterKey(
  input: string,
  sort: SortSpec | undefined,
  snapshot: TableSnapshot,
): SortSpec | undefined | 'none' {
  const names = snapshot.columns.map((c) => c.name);
  const byName: Record<string, string> = { N: 'Name', A: 'Age', S: 'Status' };
  const wanted = byName[input];
  if (wanted !== undefined) {
    const column = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    if (column === undefined) return 'none';
    const same = sort?.column.toLowerCase() === column.toLowerCase();
    return { column, descending: same ? !sort?.descending : false };
  }
  if (input === '<' || input === '>') {
    if (names.length === 0) return 'none';
    const current = sort
      ? names.findIndex((n) => n.toLowerCase() === sort.column.toLowerCase())
      : -1;
    const step = input === '>' ? 1 : -1;
    const next = (current + step + names.length) % names.length;
    return { column: names[next] as string, descending: false };
  }
  return 'none';
}

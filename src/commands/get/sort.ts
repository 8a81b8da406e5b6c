import { PlainError } from '../../errors/errors.js';
import type { Table, TableRow } from '../../printers/table/table-types.js';

/** Reads a simple JSONPath field spec (`.a.b[0].c` or `{.a.b}`) from an object. */
export function fieldValue(object: unknown, spec: string): unknown {
  const path = spec.replace(/^\{|\}$/g, '').replace(/^\./, '');
  let current: unknown = object;
  for (const part of path.split(/\.(?![^[]*\])/)) {
    if (part === '') continue;
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new PlainError(`couldn't parse the sort-by field ${JSON.stringify(spec)}`);
    if (match[1]) current = (current as Record<string, unknown> | undefined)?.[match[1]];
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g))
      current = (current as unknown[] | undefined)?.[Number(index[1])];
  }
  return current;
}

const QUANTITY = /^([+-]?\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const FACTORS: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

function sortKey(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const quantity = QUANTITY.exec(value);
    if (quantity) return Number(quantity[1]) * (FACTORS[quantity[2] ?? ''] ?? 1);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return Date.parse(value);
    return value;
  }
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** kubectl's --sort-by for tables: rows ordered by a field of their objects (stable). */
export function sortTableRows(tables: Table[], spec: string): Promise<Table> {
  const first = tables[0];
  const rows: TableRow[] = tables.flatMap((t) => t.rows ?? []);
  const keyed = rows.map((row, index) => ({
    row,
    index,
    key: sortKey(fieldValue(row.object, spec)),
  }));
  keyed.sort((a, b) => compare(a.key, b.key) || a.index - b.index);
  return Promise.resolve({
    ...(first ?? { kind: 'Table', columnDefinitions: [] }),
    rows: keyed.map((k) => k.row),
  } as Table);
}

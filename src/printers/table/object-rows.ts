import { translateTimestampSince } from '../human-duration.js';
import type { RowObject, Table, TableColumnDefinition, TableRow } from './table-types.js';

const OBJECT_META_COLUMNS: TableColumnDefinition[] = [
  { name: 'Name', type: 'string', format: 'name' },
  { name: 'Age', type: 'string' },
];

const STATUS_COLUMNS: TableColumnDefinition[] = [
  { name: 'Status', type: 'string' },
  { name: 'Reason', type: 'string' },
  { name: 'Message', type: 'string' },
];

function isListObject(object: RowObject): object is RowObject & { items: RowObject[] } {
  return Array.isArray((object as { items?: unknown }).items);
}

function metaRows(object: RowObject, now: number): TableRow[] {
  if (isListObject(object)) return object.items.flatMap((item) => metaRows(item, now));
  const name = object.metadata?.name ?? '';
  return [
    { cells: [name, translateTimestampSince(object.metadata?.creationTimestamp, now)], object },
  ];
}

/**
 * The Table kubectl builds itself when the server sent a plain object instead of a Table:
 * NAME and AGE for objects and lists, STATUS/REASON/MESSAGE for a Status.
 */
export function tableFromObject(object: RowObject, now: number = Date.now()): Table {
  if (object.kind === 'Status' && !object.metadata?.name) {
    const status = object as { status?: string; reason?: string; message?: string };
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      columnDefinitions: STATUS_COLUMNS,
      rows: [{ cells: [status.status ?? '', status.reason ?? '', status.message ?? ''], object }],
    };
  }
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    columnDefinitions: OBJECT_META_COLUMNS,
    rows: metaRows(object, now),
  };
}

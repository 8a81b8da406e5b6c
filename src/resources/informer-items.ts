import type { KubeObject } from './kube-object.js';

/** The Accept header that asks for server-side Table rows (kubectl get's, in its order). */
export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** One Table row as the server sends it. */
export interface TableRow {
  cells: unknown[];
  object?: KubeObject;
  conditions?: unknown[];
}

/** An informer's item: the object (or the partial object of a Table row) and, in table mode, the row. */
export interface InformerItem {
  object: KubeObject;
  row?: TableRow;
}

/**
 * The items of a List, a Table, or a single object (a watch event). A Table row's partial
 * object is kept without its managedFields: nothing reads them from a table-mode informer, and
 * they are most of the memory of a row (a kwok pod's are ~3 KB of JSON).
 */
export function itemsOf(body: unknown, table: boolean): InformerItem[] {
  const value = body as { kind?: string; items?: KubeObject[]; rows?: TableRow[] };
  if (table && value.kind === 'Table') {
    return (value.rows ?? []).map((row) => {
      const object = row.object ?? {};
      if (object.metadata) delete object.metadata['managedFields'];
      return { object, row };
    });
  }
  if (Array.isArray(value.items)) return value.items.map((object) => ({ object }));
  return [{ object: body as KubeObject }];
}

/** The key an item is kept under: its uid, else namespace/name. */
export function uidOf(item: InformerItem): string {
  const meta = item.object.metadata ?? {};
  return meta.uid ?? `${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

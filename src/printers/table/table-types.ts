/** The meta.k8s.io/v1 Table the API server returns for `as=Table` requests. */

/** One column of a server-side Table. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  /** Non-zero: shown only with -o wide. */
  priority?: number;
}

/** Object metadata as a Table row carries it (PartialObjectMetadata or the full object). */
export interface RowObject {
  kind?: string;
  apiVersion?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    creationTimestamp?: string | null;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** One row: its cells in column order and, usually, the object's metadata. */
export interface TableRow {
  cells: unknown[];
  conditions?: unknown[];
  object?: RowObject | null;
}

/** A server-side Table (one per list chunk or watch event). */
export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions?: TableColumnDefinition[] | null;
  rows?: TableRow[] | null;
}

/** A group and kind, for kind-prefixed names (`deployment.apps/web`). */
export interface GroupKind {
  group: string;
  kind: string;
}

/** Whether a decoded response is a Table. */
export function isTable(value: unknown): value is Table {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'Table' &&
    /^meta\.k8s\.io\//.test(String((value as { apiVersion?: unknown }).apiVersion))
  );
}

/** schema.GroupKind.String() lower-cased, as kubectl prefixes names: `pod`, `deployment.apps`. */
export function groupKindPrefix(groupKind: GroupKind): string {
  const text = groupKind.group === '' ? groupKind.kind : `${groupKind.kind}.${groupKind.group}`;
  return text.toLowerCase();
}

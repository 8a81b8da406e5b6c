import type { ResourceRef } from '../../resources/resource-ref.js';

/** A column of the dashboard table (from the server's Table columnDefinitions). */
export interface DashColumn {
  name: string;
  type: string;
  format: string;
  /** 0 = always shown; higher = only in wide mode (kubectl's -o wide). */
  priority: number;
}

/** How a row is coloured: by the status it reports. */
export type RowTone = 'normal' | 'good' | 'waiting' | 'bad' | 'done';

/** What a table view shows: a resource type in a namespace scope, optionally narrowed. */
export interface TableScope {
  ref: ResourceRef;
  /** '' means all namespaces (or a cluster-scoped type). */
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** How the rows are sorted: a column name and a direction. */
export interface SortSpec {
  column: string;
  descending: boolean;
}

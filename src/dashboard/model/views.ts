import type { LogSource } from './log-stream.js';
import type { SortSpec, TableScope } from './types.js';

/** A table of one resource type. */
export interface TableViewState {
  kind: 'table';
  id: number;
  scope: TableScope;
  /** Fixed by a drill-down (Node → Pods); otherwise the namespace follows the user's choice. */
  pinnedNamespace: boolean;
  /** Shown in the title instead of the type (e.g. "pods of deployments/web"). */
  title?: string;
  filter: string;
  sort?: SortSpec;
  wide: boolean;
  selectedUid?: string;
  /** Where the selection was, kept when its row goes away. */
  selectedIndex?: number;
  /** Enter picks a namespace instead of drilling down (`:ns`). */
  picksNamespace?: boolean;
}

/** A scrollable text (YAML, describe). */
export interface TextViewState {
  kind: 'text';
  id: number;
  title: string;
  load: () => Promise<string>;
}

/** A followed container log. */
export interface LogViewState {
  kind: 'logs';
  id: number;
  source: LogSource;
  containers: string[];
}

/** A list to pick from (contexts). */
export interface PickViewState {
  kind: 'pick';
  id: number;
  title: string;
  items: string[];
  current: string;
  onPick: (item: string) => void;
}

/** Any screen of the dashboard; the app keeps a stack of them (Esc pops). */
export type ViewState = TableViewState | TextViewState | LogViewState | PickViewState;

let nextId = 1;

/** A fresh id for a view (React key). */
export function viewId(): number {
  return nextId++;
}

/** The number of terminal lines each part of the screen takes. */
export const LAYOUT = {
  header: 2,
  title: 1,
  tableHeader: 1,
  footer: 1,
  /** Ink repaints the whole terminal when its output is as tall as the terminal: stay one short. */
  spare: 1,
};

/** Lines left for a view's body (rows of the table, lines of text) in a terminal this tall. */
export function bodyHeight(terminalRows: number): number {
  const chrome = LAYOUT.header + LAYOUT.title + LAYOUT.tableHeader + LAYOUT.footer + LAYOUT.spare;
  return Math.max(1, terminalRows - chrome);
}

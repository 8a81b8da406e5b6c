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

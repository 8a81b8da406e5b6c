import { translateTimestampSince } from '../../printers/human-duration.js';
import type { DashRow, TableSnapshot } from '../model/table-model.js';

const GAP = '  ';

/** Pads or cuts text to exactly `width` characters. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return width > 1 ? `${text.slice(0, width - 1)}…` : text.slice(0, width);
  return text.padEnd(width);
}

/** The table's header line, cut to the terminal width. */
export function headerLine(
  snapshot: TableSnapshot,
  columns: number,
  sortColumn?: string,
  descending?: boolean,
): string {
  const cells = snapshot.columns.map((column, i) => {
    const mark =
      sortColumn?.toLowerCase() === column.name.toLowerCase() ? (descending ? '↓' : '↑') : '';
    return fit(column.name.toUpperCase() + mark, snapshot.widths[i] ?? 0);
  });
  return fit(cells.join(GAP), columns);
}

/**
 * One row as a line: cells padded to the column widths (AGE computed now), cut to the terminal.
 * Only a highlighted row is padded to the full width: Ink handles every character of every
 * line on each frame, and trailing blanks are most of a short row.
 */
export function rowLine(
  snapshot: TableSnapshot,
  row: DashRow,
  columns: number,
  now: number,
  highlighted = false,
): string {
  const cells = snapshot.cellIndex.map((cellIndex, i) => {
    const text =
      i === snapshot.ageColumn
        ? translateTimestampSince(row.object.metadata?.creationTimestamp, now)
        : (row.cells[cellIndex] ?? '');
    return fit(text, snapshot.widths[i] ?? 0);
  });
  const line = fit(cells.join(GAP), columns);
  return highlighted ? line : line.trimEnd();
}

import type { DashRow, TableSnapshot } from '../model/table-model.js';

/**
 * The selection of a view of rows (a live table, the port-forward list): which row is
 * selected, kept by uid as rows come and go, and the first row on screen.
 */
export abstract class RowSelection {
  selectedUid: string | undefined;
  /** Where the selection was, kept when its row goes away. */
  selectedIndex = 0;
  /** The first row on screen. */
  offset = 0;

  /** The current frame. */
  abstract snapshot(): TableSnapshot;

  /** The index of the selected row in the current frame. */
  selected(): number {
    const rows = this.snapshot().rows;
    const found = this.selectedUid ? rows.findIndex((r) => r.uid === this.selectedUid) : -1;
    return found >= 0 ? found : Math.min(this.selectedIndex, Math.max(0, rows.length - 1));
  }

  /** The selected row, if there are rows. */
  selectedRow(): DashRow | undefined {
    return this.snapshot().rows[this.selected()];
  }

  /** Moves the selection to a row index (clamped). */
  select(index: number): void {
    const rows = this.snapshot().rows;
    const next = Math.max(0, Math.min(index, rows.length - 1));
    const row = rows[next];
    if (!row) return;
    this.selectedUid = row.uid;
    this.selectedIndex = next;
  }

  /** Forgets the selection (a new filter or scope). */
  protected resetSelection(): void {
    this.selectedUid = undefined;
    this.selectedIndex = 0;
  }
}

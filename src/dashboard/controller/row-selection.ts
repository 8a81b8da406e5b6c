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
  /** The uids of the rows marked with space (k9s's marks), for actions on many rows. */
  marks = new Set<string>();
  /** A row to select by name once it is there (a jump from xray knows names, not rows). */
  selectName: string | undefined;

  /** The current frame. */
  abstract snapshot(): TableSnapshot;

  /** The index of the selected row in the current frame. */
  selected(): number {
    const rows = this.snapshot().rows;
    if (this.selectName !== undefined && this.selectedUid === undefined) {
      const named = rows.find((r) => r.name === this.selectName);
      if (named) {
        this.selectedUid = named.uid;
        this.selectName = undefined;
      }
    }
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

  /**
   * space: marks or unmarks the selected row. The selection stays, as in k9s (its ToggleMark),
   * so space, j, space marks two rows there and here; ctrl-space marks a run.
   */
  toggleMark(): void {
    const row = this.selectedRow();
    if (!row) return;
    if (!this.marks.delete(row.uid)) this.marks.add(row.uid);
  }

  /** ctrl-space: marks every row from the nearest marked row above (else below) to the selection. */
  markRange(): void {
    const rows = this.snapshot().rows;
    const at = this.selected();
    if (!rows[at]) return;
    let from = -1;
    for (let i = at; i >= 0 && from < 0; i--) if (this.marks.has(rows[i]?.uid ?? '')) from = i;
    for (let i = at; i < rows.length && from < 0; i++)
      if (this.marks.has(rows[i]?.uid ?? '')) from = i;
    if (from < 0) from = at;
    const [low, high] = from <= at ? [from, at] : [at, from];
    for (let i = low; i <= high; i++) this.marks.add(rows[i]?.uid ?? '');
  }

  /** ctrl-\: clears every mark. */
  clearMarks(): void {
    this.marks.clear();
  }

  /** The marked rows still shown, in screen order. */
  markedRows(): DashRow[] {
    if (this.marks.size === 0) return [];
    return this.snapshot().rows.filter((row) => this.marks.has(row.uid));
  }

  /** What an action applies to: the marked rows on screen, else the selected row. */
  actionRows(): DashRow[] {
    const marked = this.markedRows();
    if (marked.length > 0) return marked;
    const row = this.selectedRow();
    return row ? [row] : [];
  }

  /** Forgets the selection (a new filter or scope). */
  protected resetSelection(): void {
    this.selectedUid = undefined;
    this.selectedIndex = 0;
  }
}

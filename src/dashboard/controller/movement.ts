import type { Move } from './text-view-models.js';
import type { View } from './views.js';
import { isRowsView } from './views.js';

/**
 * Moves a view's selection (tables: a page is the body less one row, so a row of the last page
 * stays in sight) or its scroll position (text, logs, lists).
 */
export function moveIn(view: View, move: Move, tableHeight: number, textHeight: number): void {
  if (!isRowsView(view)) return view.move(move, textHeight);
  const count = view.snapshot().rows.length;
  const page = tableHeight - 1;
  const selected = view.selected();
  const to = {
    up: selected - 1,
    down: selected + 1,
    pageUp: selected - page,
    pageDown: selected + page,
    top: 0,
    bottom: count - 1,
  }[move];
  view.select(to);
}

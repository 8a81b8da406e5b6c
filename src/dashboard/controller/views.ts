import type { ForwardsViewModel } from './forwards-view-model.js';
import type { TableViewModel } from './table-view-model.js';
import type { LogViewModel, PickViewModel, TextViewModel } from './text-view-models.js';
import type { XrayViewModel } from './xray-view-model.js';

/** A screen of the stack. */
export type View =
  TableViewModel | TextViewModel | LogViewModel | PickViewModel | ForwardsViewModel | XrayViewModel;

/** The views whose body is a table of rows with a selection. */
export type RowsView = TableViewModel | ForwardsViewModel;

export function isRowsView(view: View): view is RowsView {
  return view.kind === 'table' || view.kind === 'forwards';
}

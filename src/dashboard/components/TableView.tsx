import { Box, Text } from 'ink';
import type { TableViewModel } from '../controller/table-view-model.js';
import { useColour } from './colour.js';
import { fit } from './format-row.js';
import { ResourceTable } from './ResourceTable.js';
import { scrollOffset } from './scroll.js';

/** A live table: its title (type, scope, count, filter) and the rows that fit. */
export function TableView(props: {
  view: TableViewModel;
  now: number;
  height: number;
  width: number;
}) {
  const c = useColour();
  const { view, height, width } = props;
  const snapshot = view.snapshot();
  const selected = view.selected();
  view.offset = scrollOffset(view.offset, selected, height, snapshot.rows.length);
  view.pageSize = height;
  view.drawn();
  const scopeText = view.scope.ref.namespaced
    ? `(${view.scope.namespace === '' ? 'all' : view.scope.namespace})`
    : '';
  const count =
    snapshot.rows.length === snapshot.total
      ? `${snapshot.total}`
      : `${snapshot.rows.length}/${snapshot.total}`;
  const selector =
    view.scope.labelSelector && view.title === undefined ? `  ${view.scope.labelSelector}` : '';
  const filterText = view.filter ? `  /${view.filter}` : '';
  const invalid = view.filterError ? `  (invalid: ${view.filterError})` : '';
  const marked = view.marks.size > 0 ? `  marked:${view.markedRows().length}` : '';
  const title = `${view.title ?? view.scope.ref.resource}${scopeText}[${count}]${selector}${filterText}${invalid}${marked}`;
  return (
    <Box flexDirection="column" height={height + 2}>
      <Text wrap="truncate" color={c(view.filterError ? 'error' : 'title')} bold>
        {fit(title, width)}
      </Text>
      <ResourceTable
        snapshot={snapshot}
        offset={view.offset}
        selected={selected}
        height={height}
        width={width}
        now={props.now}
        empty={emptyText(view, snapshot.total)}
        marks={view.marks}
        {...(view.sort ? { sortColumn: view.sort.column, descending: view.sort.descending } : {})}
      />
    </Box>
  );
}

/** Why the table has no rows: still loading, cannot list, nothing matches, or really none. */
function emptyText(view: TableViewModel, total: number): string {
  if (view.fatal !== undefined) return '(cannot list: see the error above)';
  const state = view.state;
  if (!state || state.lists === 0)
    return state?.phase === 'reconnecting' ? 'not connected yet: retrying…' : 'loading…';
  return total > 0 ? '(no rows match the filter)' : '(no rows)';
}

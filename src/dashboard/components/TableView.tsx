import { Box, Text } from 'ink';
import type { TableViewModel } from '../controller/table-view-model.js';
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
  const { view, height, width } = props;
  const snapshot = view.snapshot();
  const selected = view.selected();
  view.offset = scrollOffset(view.offset, selected, height, snapshot.rows.length);
  const scopeText = view.scope.ref.namespaced
    ? `(${view.scope.namespace === '' ? 'all' : view.scope.namespace})`
    : '';
  const count =
    snapshot.rows.length === snapshot.total
      ? `${snapshot.total}`
      : `${snapshot.rows.length}/${snapshot.total}`;
  const filterText = view.filter ? `  /${view.filter}` : '';
  const invalid = view.filterError ? `  (invalid: ${view.filterError})` : '';
  const title = `${view.title ?? view.scope.ref.resource}${scopeText}[${count}]${filterText}${invalid}`;
  return (
    <Box flexDirection="column" height={height + 2}>
      <Text wrap="truncate" color={view.filterError ? 'red' : 'cyan'} bold>
        {fit(title, width)}
      </Text>
      <ResourceTable
        snapshot={snapshot}
        offset={view.offset}
        selected={selected}
        height={height}
        width={width}
        now={props.now}
        {...(view.sort ? { sortColumn: view.sort.column, descending: view.sort.descending } : {})}
      />
    </Box>
  );
}

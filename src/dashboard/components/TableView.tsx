import { Box, Text, useInput } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useTableModel } from '../hooks/use-table-model.js';
import type { InformerPool } from '../model/informer-pool.js';
import { parseRowFilter } from '../model/row-filter.js';
import type { DashRow } from '../model/table-model.js';
import type { TableViewState } from '../model/views.js';
import type { InformerState } from '../../resources/informer.js';
import { fit } from './format-row.js';
import { ResourceTable } from './ResourceTable.js';
import { moveBy, scrollOffset } from './scroll.js';
import { sortAfterKey } from './table-keys.js';

/** What a table's keys do to the selected row (implemented by the app). */
export interface TableActions {
  enter(view: TableViewState, row: DashRow): void;
  describe(view: TableViewState, row: DashRow): void;
  yaml(view: TableViewState, row: DashRow): void;
  logs(view: TableViewState, row: DashRow): void;
  remove(view: TableViewState, row: DashRow): void;
  scale(view: TableViewState, row: DashRow): void;
  restart(view: TableViewState, row: DashRow): void;
}

/** Props of TableView. */
export interface TableViewProps {
  view: TableViewState;
  pool: InformerPool;
  now: number;
  height: number;
  width: number;
  active: boolean;
  actions: TableActions;
  onUpdate: (patch: Partial<TableViewState>) => void;
  onConnection: (state: InformerState | undefined, fatal: unknown) => void;
}

const ROW_KEYS: Record<string, keyof TableActions> = {
  d: 'describe',
  y: 'yaml',
  l: 'logs',
  s: 'scale',
  r: 'restart',
};

/** A live table of one resource type: title, header, the rows that fit, and the row keys. */
export function TableView(props: TableViewProps) {
  const { view } = props;
  const filter = useMemo(() => parseRowFilter(view.filter), [view.filter]);
  const scope = useMemo(
    () =>
      filter?.labelSelector !== undefined
        ? { ...view.scope, labelSelector: filter.labelSelector }
        : view.scope,
    [view.scope, filter],
  );
  const data = useTableModel(props.pool, scope, { filter, sort: view.sort, wide: view.wide });
  const { snapshot } = data;
  const [offset, setOffset] = useState(0);
  useEffect(() => props.onConnection(data.state, data.fatal), [data.state, data.fatal]);

  const rows = snapshot.rows;
  const found = view.selectedUid ? rows.findIndex((r) => r.uid === view.selectedUid) : -1;
  const selected =
    found >= 0 ? found : Math.min(view.selectedIndex ?? 0, Math.max(0, rows.length - 1));
  const top = scrollOffset(offset, selected, props.height, rows.length);
  if (top !== offset) setOffset(top);
  const row = rows[selected];

  useInput(
    (input, key) => {
      const next = moveBy(input, key, selected, rows.length, props.height - 1);
      if (next !== undefined) {
        const uid = rows[next]?.uid;
        if (uid !== undefined) props.onUpdate({ selectedUid: uid, selectedIndex: next });
        return;
      }
      if (input === 'w') return props.onUpdate({ wide: !view.wide });
      const sort = sortAfterKey(input, view.sort, snapshot);
      if (sort !== 'none') return props.onUpdate({ sort });
      if (!row) return;
      if (key.return) return props.actions.enter(view, row);
      if (key.ctrl && input === 'd') return props.actions.remove(view, row);
      const action = key.ctrl || key.meta ? undefined : ROW_KEYS[input];
      if (action) props.actions[action](view, row);
    },
    { isActive: props.active },
  );

  const scopeText = view.scope.ref.namespaced
    ? `(${view.scope.namespace === '' ? 'all' : view.scope.namespace})`
    : '';
  const count =
    snapshot.rows.length === snapshot.total
      ? `${snapshot.total}`
      : `${snapshot.rows.length}/${snapshot.total}`;
  const filterText = view.filter ? `  /${view.filter}` : '';
  const title = `${view.title ?? view.scope.ref.resource}${scopeText}[${count}]${filterText}`;
  return (
    <Box flexDirection="column" height={props.height + 2}>
      <Text wrap="truncate" color="cyan" bold>
        {fit(title, props.width)}
      </Text>
      <ResourceTable
        snapshot={snapshot}
        offset={top}
        selected={selected}
        height={props.height}
        width={props.width}
        now={props.now}
        {...(view.sort ? { sortColumn: view.sort.column, descending: view.sort.descending } : {})}
      />
    </Box>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import type { InformerState } from '../../resources/informer.js';
import { FrameScheduler } from '../model/frame-scheduler.js';
import type { InformerPool } from '../model/informer-pool.js';
import { scopeKey } from '../model/informer-pool.js';
import type { RowFilter } from '../model/row-filter.js';
import type { TableSnapshot } from '../model/table-model.js';
import { TableModel } from '../model/table-model.js';
import type { SortSpec, TableScope } from '../model/types.js';

/** What a table view draws: the frame, the informer's state, and a fatal error if any. */
export interface TableData {
  snapshot: TableSnapshot;
  state: InformerState | undefined;
  fatal: unknown;
}

/**
 * Connects a table view to the shared informer of its scope through a TableModel: informer
 * events only mark the model dirty; a frame (at most ten a second) re-renders.
 */
export function useTableModel(
  pool: InformerPool,
  scope: TableScope,
  view: { filter: RowFilter | undefined; sort: SortSpec | undefined; wide: boolean },
): TableData {
  const key = scopeKey(scope);
  const showNamespace = scope.ref.namespaced && scope.namespace === '';
  const model = useMemo(() => new TableModel({ showNamespace }), [key, showNamespace]);
  const [, setFrame] = useState(0);
  const [state, setState] = useState<InformerState | undefined>(undefined);
  const [fatal, setFatal] = useState<unknown>(undefined);
  const applied = useRef<{
    model?: TableModel;
    filter?: RowFilter;
    sort?: SortSpec;
    wide?: boolean;
  }>({});

  useEffect(() => {
    const frames = new FrameScheduler(() => setFrame((n) => n + 1));
    const { shared, release } = pool.acquire(scope, {
      onChange: (changes) => {
        model.applyChanges(changes);
        frames.schedule();
      },
      onColumns: (columns) => {
        model.setColumns(columns);
        frames.schedule();
      },
      onState: setState,
      onFatal: setFatal,
    });
    if (shared.columns) model.setColumns(shared.columns);
    model.reset(shared.informer.items.values());
    setState(shared.informer.state);
    setFatal(shared.fatal);
    frames.schedule();
    return () => {
      frames.cancel();
      release();
    };
  }, [pool, model]);

  const last = applied.current;
  if (last.model !== model || last.filter !== view.filter) model.setFilter(view.filter);
  if (last.model !== model || last.sort !== view.sort) model.setSort(view.sort);
  if (last.model !== model || last.wide !== view.wide) model.setWide(view.wide);
  applied.current = { model, filter: view.filter, sort: view.sort, wide: view.wide };
  return { snapshot: model.snapshot(), state, fatal };
}

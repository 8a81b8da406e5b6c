import type { InformerState } from '../../resources/informer.js';
import type { Session } from '../model/session.js';
import type { TableViewState, ViewState } from '../model/views.js';
import { LogView } from './LogView.js';
import { PickView } from './PickView.js';
import type { TableActions } from './TableView.js';
import { TableView } from './TableView.js';
import { TextView } from './TextView.js';

/** Props of ViewSwitch. */
export interface ViewSwitchProps {
  view: ViewState;
  session: Session;
  now: number;
  height: number;
  width: number;
  active: boolean;
  actions: TableActions;
  onUpdate: (patch: Partial<TableViewState>) => void;
  onConnection: (state: InformerState | undefined, fatal: unknown) => void;
  onReplace: (view: ViewState) => void;
}

/** Draws the view on top of the stack with the component of its kind. */
export function ViewSwitch(props: ViewSwitchProps) {
  const { view, height, width, active } = props;
  switch (view.kind) {
    case 'table':
      return (
        <TableView
          view={view}
          pool={props.session.pool}
          now={props.now}
          height={height}
          width={width}
          active={active}
          actions={props.actions}
          onUpdate={props.onUpdate}
          onConnection={props.onConnection}
        />
      );
    case 'text':
      return (
        <TextView
          title={view.title}
          load={view.load}
          height={height}
          width={width}
          active={active}
        />
      );
    case 'logs':
      return (
        <LogView
          key={view.source.container}
          client={props.session.client}
          source={view.source}
          containers={view.containers}
          height={height}
          width={width}
          active={active}
          onContainer={(container) =>
            props.onReplace({ ...view, source: { ...view.source, container } })
          }
        />
      );
    case 'pick':
      return (
        <PickView
          title={view.title}
          items={view.items}
          current={view.current}
          height={height}
          width={width}
          active={active}
          onPick={view.onPick}
        />
      );
  }
}

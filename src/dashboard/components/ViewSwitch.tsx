import type { View } from '../controller/dash-controller.js';
import { ForwardsView } from './ForwardsView.js';
import { LogView } from './LogView.js';
import { PickView } from './PickView.js';
import { TableView } from './TableView.js';
import { TextView } from './TextView.js';
import { XrayView } from './XrayView.js';

/** Draws the view on top of the stack with the component of its kind. */
export function ViewSwitch(props: { view: View; now: number; height: number; width: number }) {
  const { view, height, width } = props;
  switch (view.kind) {
    case 'table':
      return <TableView view={view} now={props.now} height={height} width={width} />;
    case 'text':
      return <TextView view={view} height={height + 1} width={width} />;
    case 'logs':
      return <LogView view={view} height={height + 1} width={width} />;
    case 'forwards':
      return <ForwardsView view={view} now={props.now} height={height} width={width} />;
    case 'pick':
      return <PickView view={view} height={height + 1} width={width} />;
    case 'xray':
      return <XrayView view={view} height={height + 1} width={width} />;
  }
}

import type { InformerItem } from '../../resources/informer-items.js';
import type { ActiveForward, PortForwards } from '../model/port-forwards.js';
import type { TableSnapshot } from '../model/table-model.js';
import { TableModel } from '../model/table-model.js';
import { viewId } from '../model/views.js';
import { RowSelection } from './row-selection.js';

const column = (name: string) => ({ name, type: 'string', format: '', priority: 0 });

/** k9s's port-forward columns. */
const COLUMNS = [
  'Namespace',
  'Name',
  'Container',
  'Ports',
  'Listening',
  'From',
  'Conns',
  'Age',
].map(column);

/** A forward as a row of the list. */
function itemOf(forward: ActiveForward): InformerItem {
  const metadata = {
    name: forward.pod,
    namespace: forward.namespace,
    uid: forward.id,
    creationTimestamp: forward.startedAt.toISOString(),
  };
  const cells = [
    forward.namespace,
    forward.pod,
    forward.container,
    `${forward.localPort}:${forward.remotePort}`,
    forward.listening.join(','),
    forward.from,
    String(forward.connections),
    '',
  ];
  return { object: { metadata }, row: { cells } };
}

/** `:pf`: the port-forwards the dashboard holds, live while on screen. */
export class ForwardsViewModel extends RowSelection {
  readonly kind = 'forwards';
  readonly id = viewId();
  readonly model = new TableModel({ showNamespace: false });
  private unsubscribe: (() => void) | undefined;

  constructor(readonly forwards: PortForwards) {
    super();
    this.model.setColumns(COLUMNS);
    this.refresh();
  }

  attach(onFrame: () => void): void {
    this.detach();
    this.refresh();
    this.unsubscribe = this.forwards.subscribe(() => {
      this.refresh();
      onFrame();
    });
  }

  get attached(): boolean {
    return this.unsubscribe !== undefined;
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  snapshot(): TableSnapshot {
    return this.model.snapshot();
  }

  private refresh(): void {
    this.model.reset(this.forwards.list().map(itemOf));
  }
}

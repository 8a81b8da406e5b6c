/**
 * `shift-f` on a pod, workload or Service row: a dialog (container port, local port, address),
 * then a port-forward the dashboard holds until it is stopped in `:pf` or the dashboard ends.
 */
import { collectionPath, objectPath, PODS_REF } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { podsOf } from '../model/drill-down.js';
import type { ForwardPod, ForwardPort } from '../model/forward-ports.js';
import {
  choosePod,
  parseForwardPort,
  podPorts,
  portText,
  servicePorts,
} from '../model/forward-ports.js';
import type { DashRow } from '../model/table-model.js';
import type { DashController } from './dash-controller.js';
import { Dialog } from './dialog.js';
import { errorText } from './error-text.js';
import type { ForwardsViewModel } from './forwards-view-model.js';
import type { TableViewModel } from './table-view-model.js';

/** The local port typed: a number 0–65535 ('' or 0: any free port). */
function localPort(text: string): number | undefined {
  if (text === '') return 0;
  const port = Number(text);
  return /^\d+$/.test(text) && port <= 65535 ? port : undefined;
}

/** The port-forward actions, bound to a controller. */
export function forwardActions(app: DashController) {
  const client = () => app.session.client;

  /** The pod behind a row: the row's own pod, or the most active of the pods it selects. */
  const podOf = async (view: TableViewModel, object: KubeObject) => {
    const { resource } = view.scope.ref;
    if (view.scope.ref.group === '' && resource === 'pods') return object as ForwardPod;
    const query = podsOf(resource, object);
    if (!query || resource === 'nodes') {
      app.say(`port-forward: ${resource} have no pods to forward to`, true);
      return undefined;
    }
    const list = await client().json<{ items?: ForwardPod[] }>({
      path: collectionPath(PODS_REF, query.namespace),
      query: { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector },
    });
    const pod = choosePod(list.items ?? []);
    if (!pod) app.say(`port-forward: ${query.title} has no running pod`, true);
    return pod;
  };

  return {
    async open(view: TableViewModel, row: DashRow): Promise<void> {
      const { ref } = view.scope;
      const namespace = ref.namespaced ? row.namespace : undefined;
      const object = await client().json<KubeObject>({
        path: objectPath(ref, row.name, namespace),
      });
      const pod = await podOf(view, object);
      if (!pod) return;
      const podName = pod.metadata?.name ?? '';
      if (pod.status?.phase !== 'Running')
        return app.say(`port-forward: pod ${podName} is not running`, true);
      const isService = ref.group === '' && ref.resource === 'services';
      const ports: ForwardPort[] = isService
        ? servicePorts(object as Parameters<typeof servicePorts>[0], pod)
        : podPorts(pod);
      const first = ports[0];
      const from = `${ref.resource}/${row.name}`;
      const dialog = new Dialog(
        `Port-forward ${from}${isService || ref.resource !== 'pods' ? ` (pod ${podName})` : ''}`,
        [
          {
            label: 'Container Port',
            value: first ? portText(first) : '',
            hint:
              ports.length > 0
                ? `ports: ${ports.map(portText).join('  ')}`
                : 'no ports declared: type one',
          },
          { label: 'Local Port', value: first ? String(first.port) : '' },
          { label: 'Address', value: 'localhost' },
        ],
        async ([portValue = '', localValue = '', address = '']) => {
          const remote = parseForwardPort(portValue, pod);
          if (!remote)
            return app.say(`port-forward: no port "${portValue}" in pod ${podName}`, true);
          const local = localPort(localValue);
          if (local === undefined)
            return app.say(`port-forward: invalid local port "${localValue}"`, true);
          const forwards = app.session.forwards;
          forwards.onError = (text) => app.say(text, true);
          try {
            const forward = await forwards.start({
              namespace: pod.metadata?.namespace ?? row.namespace,
              pod: podName,
              container: remote.container,
              remotePort: remote.port,
              localPort: local,
              address: address || 'localhost',
              from,
            });
            app.say(
              `port-forward ${forward.listening.join(', ')} -> ${podName}:${remote.port} (:pf lists them)`,
            );
          } catch (error) {
            app.say(`port-forward: ${errorText(error)}`, true);
          }
        },
      );
      app.openDialog(dialog);
    },
    /** ctrl-d in `:pf`: stops the marked forwards (else the selected one), after asking. */
    stop(view: ForwardsViewModel, rows: readonly DashRow[]): void {
      const ids = rows.map((row) => row.uid);
      const what = ids.length === 1 ? `port-forward ${ids[0]}` : `${ids.length} port-forwards`;
      app.ask({
        text: `Stop ${what}? [y/N]`,
        answer: '',
        numeric: false,
        onAnswer: (answer) => {
          if (answer.toLowerCase() !== 'y') return app.say('stop cancelled');
          const stopped = ids.filter((id) => view.forwards.stop(id)).length;
          view.clearMarks();
          if (stopped > 0)
            app.say(`${ids.length === 1 ? what : `${stopped} port-forwards`} stopped`);
        },
      });
    },
  };
}

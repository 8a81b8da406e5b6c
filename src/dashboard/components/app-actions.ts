import type { DashRow } from '../model/table-model.js';
import {
  fetchObject,
  deleteObject,
  restartObject,
  scaleObject,
  replicasOf,
  RESTARTABLE,
  SCALABLE,
  targetLabel,
} from '../model/object-actions.js';
import type { ObjectTarget } from '../model/object-actions.js';
import { describeText, eventsFor, yamlText } from '../model/object-text.js';
import { podsOf } from '../model/drill-down.js';
import { containerNames } from '../model/log-stream.js';
import type { Session } from '../model/session.js';
import { BUILTIN_TYPES } from '../model/builtin-types.js';
import type { TableViewState, ViewState } from '../model/views.js';
import { viewId } from '../model/views.js';
import type { TableActions } from './TableView.js';
import { errorText } from './connection-text.js';

/** A question on the bottom line: y/N, or a number (scale). */
export interface Question {
  text: string;
  answer: string;
  numeric: boolean;
  onAnswer: (answer: string) => void;
}

/** What the actions may do to the app. */
export interface AppControls {
  session: Session;
  push: (view: ViewState) => void;
  ask: (question: Question) => void;
  say: (text: string, error?: boolean) => void;
  useNamespace: (namespace: string, showPods: boolean) => void;
}

const PODS = BUILTIN_TYPES[0]!.ref;

function targetOf(view: TableViewState, row: DashRow): ObjectTarget {
  return { ref: view.scope.ref, name: row.name, namespace: row.namespace };
}

/** A pods table narrowed to what a drill-down selects. */
export function podsView(query: {
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  title: string;
}): TableViewState {
  return {
    kind: 'table',
    id: viewId(),
    scope: {
      ref: PODS,
      namespace: query.namespace,
      ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}),
      ...(query.fieldSelector ? { fieldSelector: query.fieldSelector } : {}),
    },
    pinnedNamespace: true,
    title: `pods of ${query.title}`,
    filter: '',
    wide: false,
  };
}

/** The table keys' actions: they fetch what they need, ask before changing anything, and report. */
export function tableActions(app: AppControls): TableActions {
  const { client } = app.session;
  const fail = (error: unknown): void => app.say(errorText(error), true);
  const guard = (what: string): boolean => {
    if (app.session.readonly)
      app.say(`read-only: ${what} is disabled (--readonly or the context's ktl setting)`, true);
    return app.session.readonly;
  };
  const describe = (view: TableViewState, row: DashRow): void => {
    const target = targetOf(view, row);
    app.push({
      kind: 'text',
      id: viewId(),
      title: `describe ${targetLabel(target)}`,
      load: async () => {
        const object = await fetchObject(client, target);
        return describeText(object, await eventsFor(client, object).catch(() => []));
      },
    });
  };
  return {
    describe,
    yaml(view, row) {
      const target = targetOf(view, row);
      app.push({
        kind: 'text',
        id: viewId(),
        title: `yaml ${targetLabel(target)}`,
        load: async () => yamlText(await fetchObject(client, target)),
      });
    },
    enter(view, row) {
      const resource = view.scope.ref.resource;
      if (view.picksNamespace || resource === 'namespaces')
        return app.useNamespace(row.name, resource === 'namespaces' && !view.picksNamespace);
      fetchObject(client, targetOf(view, row)).then((object) => {
        const query = podsOf(resource, object);
        if (query) app.push(podsView(query));
        else describe(view, row);
      }, fail);
    },
    logs(view, row) {
      if (view.scope.ref.resource !== 'pods')
        return app.say('logs: select a pod (Enter on a workload lists its pods)', true);
      fetchObject(client, targetOf(view, row)).then((pod) => {
        const containers = containerNames(pod as Parameters<typeof containerNames>[0]);
        const container = containers[0];
        if (!container) return app.say(`pod ${row.name} has no containers`, true);
        app.push({
          kind: 'logs',
          id: viewId(),
          source: { namespace: row.namespace, pod: row.name, container },
          containers,
        });
      }, fail);
    },
    remove(view, row) {
      const target = targetOf(view, row);
      if (guard('delete')) return;
      const where = row.namespace ? ` in namespace ${row.namespace}` : '';
      app.ask({
        text: `Delete ${targetLabel(target)}${where}? [y/N]`,
        answer: '',
        numeric: false,
        onAnswer: (answer) => {
          if (answer.toLowerCase() !== 'y') return app.say('delete cancelled');
          deleteObject(client, target).then(() => app.say(`${targetLabel(target)} deleted`), fail);
        },
      });
    },
    scale(view, row) {
      const target = targetOf(view, row);
      if (guard('scale')) return;
      if (!SCALABLE.has(target.ref.resource))
        return app.say(`scale: ${target.ref.resource} cannot be scaled`, true);
      fetchObject(client, target).then((object) => {
        app.ask({
          text: `Scale ${targetLabel(target)} to replicas:`,
          answer: String(replicasOf(object)),
          numeric: true,
          onAnswer: (answer) => {
            const replicas = Number(answer);
            if (answer === '' || !Number.isInteger(replicas) || replicas < 0)
              return app.say('scale cancelled');
            scaleObject(client, target, replicas).then(
              () => app.say(`${targetLabel(target)} scaled to ${replicas}`),
              fail,
            );
          },
        });
      }, fail);
    },
    restart(view, row) {
      const target = targetOf(view, row);
      if (guard('restart')) return;
      if (!RESTARTABLE.has(target.ref.resource))
        return app.say(`restart: ${target.ref.resource} cannot be restarted`, true);
      app.ask({
        text: `Restart ${targetLabel(target)}? [y/N]`,
        answer: '',
        numeric: false,
        onAnswer: (answer) => {
          if (answer.toLowerCase() !== 'y') return app.say('restart cancelled');
          restartObject(client, target).then(
            () => app.say(`${targetLabel(target)} restarted`),
            fail,
          );
        },
      });
    },
  };
}

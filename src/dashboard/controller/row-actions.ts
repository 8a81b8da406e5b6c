/**
 * What the row keys do to the selected object. Each goes through the same resource-level code
 * as the verbs: describe through `ktl describe`'s describers. The actions that change objects
 * (delete, scale, restart) are in bulk-actions.ts.
 */
import { humanDuration, translateTimestampSince } from '../../printers/human-duration.js';
import { describeObject } from '../../resources/describe/describe-object.js';
import type { ResourceRef } from '../../resources/resource-ref.js';
import { collectionPath, objectPath, PODS_REF } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { PodQuery } from '../model/drill-down.js';
import { podsOf } from '../model/drill-down.js';
import { containerNames } from '../model/log-stream.js';
import type { DashRow } from '../model/table-model.js';
import { yamlText } from '../model/yaml-text.js';
import type { DashController } from './dash-controller.js';
import { TableViewModel } from './table-view-model.js';
import { LogViewModel, TextViewModel } from './text-view-models.js';

/** metadata.ownerReferences[] */
interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

/** Which object an action is about. */
export interface Target {
  ref: ResourceRef;
  name: string;
  namespace: string | undefined;
}

/** At most this many pods' logs are followed at once (one connection per container). */
const MAX_LOG_PODS = 20;

function targetOf(view: TableViewModel, row: DashRow): Target {
  const { ref } = view.scope;
  return { ref, name: row.name, namespace: ref.namespaced ? row.namespace : undefined };
}

/** `kind/name` as kubectl prints it in messages. */
function label(target: Target): string {
  return `${target.ref.kind.toLowerCase()}/${target.name}`;
}

/** A pods table narrowed to what a drill-down selects. */
export function podsView(query: PodQuery): TableViewModel {
  return new TableViewModel({
    scope: {
      ref: PODS_REF,
      namespace: query.namespace,
      ...(query.labelSelector ? { labelSelector: query.labelSelector } : {}),
      ...(query.fieldSelector ? { fieldSelector: query.fieldSelector } : {}),
    },
    pinnedNamespace: true,
    title: `pods of ${query.title}`,
  });
}

/** The row actions, bound to a controller. */
export function rowActions(app: DashController) {
  const client = () => app.session.client;
  const fetch = (target: Target): Promise<KubeObject> =>
    client().json<KubeObject>({ path: objectPath(target.ref, target.name, target.namespace) });
  const text = (title: string, load: () => Promise<string>): TextViewModel =>
    new TextViewModel(title, load, app.changed);

  const describe = (view: TableViewModel, row: DashRow): void =>
    describeTarget(targetOf(view, row));
  const describeTarget = (target: Target): void => {
    app.push(
      text(`describe ${label(target)}`, async () => {
        const now = Date.now();
        return describeObject(client(), target.ref, await fetch(target), {
          showEvents: true,
          clock: { age: (t) => translateTimestampSince(t, now), duration: humanDuration },
        });
      }),
    );
  };

  /** Switches namespace (checked first when typed); shows its pods when asked. */
  const useNamespace = async (namespace: string, showPods: boolean): Promise<void> => {
    app.useNamespace(
      namespace,
      showPods,
      () => new TableViewModel({ scope: { ref: PODS_REF, namespace } }),
    );
  };

  const yamlTarget = (target: Target): void => {
    const object = fetch(target);
    object.catch(() => undefined);
    app.push(
      new TextViewModel(
        `yaml ${label(target)}`,
        async (managedFields) => yamlText(await object, managedFields),
        app.changed,
        'managedFields',
      ),
    );
  };

  return {
    describe,
    describeTarget,
    yamlTarget,
    useNamespace,
    yaml(view: TableViewModel, row: DashRow): void {
      yamlTarget(targetOf(view, row));
    },
    async enter(view: TableViewModel, row: DashRow): Promise<void> {
      const resource = view.scope.ref.resource;
      if (view.picksNamespace || resource === 'namespaces')
        return useNamespace(row.name, resource === 'namespaces' && !view.picksNamespace);
      const query = podsOf(resource, await fetch(targetOf(view, row)));
      if (query) app.push(podsView(query));
      else describe(view, row);
    },
    async logs(view: TableViewModel, row: DashRow, previous = false): Promise<void> {
      const target = targetOf(view, row);
      const object = await fetch(target);
      if (view.scope.ref.resource === 'pods') {
        const containers = containerNames(object as Parameters<typeof containerNames>[0]);
        if (containers.length === 0) return app.say(`pod ${row.name} has no containers`, true);
        const pods = [{ namespace: row.namespace, pod: row.name, containers }];
        app.push(new LogViewModel(`pod/${row.name}`, pods, { previous }));
        return;
      }
      // A workload, Service or Job: every pod it selects (k9s's `l` on a Deployment).
      const query =
        view.scope.ref.resource === 'nodes' ? undefined : podsOf(view.scope.ref.resource, object);
      if (!query)
        return app.say(`logs: ${view.scope.ref.resource} have no pods to show logs of`, true);
      const list = await client().json<{ items?: KubeObject[] }>({
        path: collectionPath(PODS_REF, query.namespace),
        query: { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector },
      });
      const pods = (list.items ?? []).slice(0, MAX_LOG_PODS).map((pod) => ({
        namespace: pod.metadata?.namespace ?? query.namespace,
        pod: pod.metadata?.name ?? '',
        containers: containerNames(pod as Parameters<typeof containerNames>[0]),
      }));
      if (pods.length === 0) return app.say(`logs: ${query.title} has no pods`, true);
      app.push(new LogViewModel(query.title, pods, { previous }));
    },
    /** J: the owner (controller) of the object, in a table of its type with its row selected. */
    async owner(view: TableViewModel, row: DashRow): Promise<void> {
      const object = await fetch(targetOf(view, row));
      const owners = (object.metadata?.['ownerReferences'] ?? []) as OwnerReference[];
      const owner = owners.find((o) => o.controller === true) ?? owners[0];
      if (!owner) return app.say(`${label(targetOf(view, row))} has no owner`, true);
      const [group, version] = owner.apiVersion.includes('/')
        ? owner.apiVersion.split('/')
        : ['', owner.apiVersion];
      const mapping = await app.session.mapper.mappingForGVK({
        group: group ?? '',
        version: version ?? '',
        kind: owner.kind,
      });
      const table = new TableViewModel({
        scope: { ref: mapping, namespace: mapping.namespaced ? row.namespace : '' },
        pinnedNamespace: true,
      });
      table.selectedUid = owner.uid;
      app.push(table);
    },
  };
}

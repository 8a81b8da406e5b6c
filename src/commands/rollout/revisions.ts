/**
 * The revision history of a workload: a Deployment's ReplicaSets (revision annotation), or a
 * DaemonSet's / StatefulSet's ControllerRevisions, each owned by the workload as controller.
 */
import type { FetchedInfo } from '../../resources/builder/index.js';
import { listPages } from '../../resources/list.js';
import type { ResourceRef } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';

/** One revision: its number, pod template, change cause and the object that holds it. */
export interface Revision {
  revision: number;
  template: Record<string, unknown>;
  changeCause: string;
  source: KubeObject;
  sourceRef: ResourceRef;
}

const REPLICA_SETS: ResourceRef = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
};
const CONTROLLER_REVISIONS: ResourceRef = {
  group: 'apps',
  version: 'v1',
  resource: 'controllerrevisions',
  kind: 'ControllerRevision',
  namespaced: true,
};

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** A LabelSelector as the selector string the API takes. */
export function selectorString(selector: Selector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

function ownedBy(object: KubeObject, uid: string | undefined): boolean {
  const refs =
    (object.metadata?.['ownerReferences'] as
      Array<{ uid?: string; controller?: boolean }> | undefined) ?? [];
  return refs.some((r) => r.controller === true && r.uid === uid);
}

async function owned(
  factory: Factory,
  target: FetchedInfo,
  ref: ResourceRef,
): Promise<KubeObject[]> {
  const client = await factory.client();
  const spec = target.object['spec'] as { selector?: Selector } | undefined;
  const found: KubeObject[] = [];
  for await (const page of listPages<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
    client,
    ref,
    {
      namespace: target.namespace,
      labelSelector: selectorString(spec?.selector) || undefined,
    },
  ))
    for (const item of page.body.items ?? [])
      if (ownedBy(item, target.object.metadata?.uid)) found.push(item);
  return found;
}

/** The revisions of a workload, oldest first; undefined when the kind keeps no history. */
export async function revisionsOf(
  factory: Factory,
  target: FetchedInfo,
): Promise<Revision[] | undefined> {
  const { kind, group } = target.mapping;
  if (group !== 'apps') return undefined;
  if (kind === 'Deployment') {
    const sets = await owned(factory, target, REPLICA_SETS);
    return sortRevisions(
      sets.flatMap((rs) => {
        const revision = Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']);
        if (!Number.isInteger(revision)) return [];
        const template =
          (rs['spec'] as { template?: Record<string, unknown> } | undefined)?.template ?? {};
        return [
          { revision, template, changeCause: changeCause(rs), source: rs, sourceRef: REPLICA_SETS },
        ];
      }),
    );
  }
  if (kind !== 'DaemonSet' && kind !== 'StatefulSet') return undefined;
  const history = await owned(factory, target, CONTROLLER_REVISIONS);
  return sortRevisions(
    history.map((cr) => {
      const data = cr['data'] as { spec?: { template?: Record<string, unknown> } } | undefined;
      const template = data?.spec?.template ?? {};
      return {
        revision: Number(cr['revision'] ?? 0),
        template,
        changeCause: changeCause(cr),
        source: cr,
        sourceRef: CONTROLLER_REVISIONS,
      };
    }),
  );
}

function changeCause(object: KubeObject): string {
  return object.metadata?.annotations?.['kubernetes.io/change-cause'] ?? '';
}

function sortRevisions(list: Revision[]): Revision[] {
  const byNumber = new Map<number, Revision>();
  for (const r of list) byNumber.set(r.revision, r);
  return [...byNumber.values()].sort((a, b) => a.revision - b.revision);
}

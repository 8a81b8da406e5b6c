/**
 * What a describer needs besides the object: its events (kubectl's searchEvents by involved
 * object name, namespace, kind and uid) and the related objects of a few kinds.
 */
import type { HttpClient } from '../../transport/http-client.js';
import { listPages } from '../list.js';
import type { ResourceRef } from '../resource-ref.js';
import { objectPath } from '../resource-ref.js';
import type { KubeObject } from '../kube-object.js';
import type { Obj } from './fields.js';
import { relatedOfKind } from './related-kinds.js';

const core = (resource: string, kind: string): ResourceRef => ({
  group: '',
  version: 'v1',
  resource,
  kind,
  namespaced: true,
});
const EVENTS = core('events', 'Event');
const PODS = core('pods', 'Pod');
const QUOTAS = core('resourcequotas', 'ResourceQuota');
const LIMIT_RANGES = core('limitranges', 'LimitRange');
const REPLICA_SETS: ResourceRef = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
};
const SLICES: ResourceRef = {
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  kind: 'EndpointSlice',
  namespaced: true,
};
const LEASES: ResourceRef = {
  group: 'coordination.k8s.io',
  version: 'v1',
  resource: 'leases',
  kind: 'Lease',
  namespaced: true,
};

async function listAll(
  client: HttpClient,
  ref: ResourceRef,
  namespace: string,
  query: { labelSelector?: string; fieldSelector?: string },
): Promise<Obj[]> {
  const items: Obj[] = [];
  for await (const page of listPages<{ items?: Obj[]; metadata?: { continue?: string } }>(
    client,
    ref,
    { namespace, chunkSize: 500, ...query },
  ))
    items.push(...(page.body.items ?? []));
  return items;
}

/**
 * The events about objects of one kind and name in a namespace, whatever their uid, asked for
 * before the object itself is read (`ktl describe NAME`), so that the two requests share one
 * round trip; eventsFor narrows them to the object's uid. The server's list holds exactly the
 * events the uid's field selector would give, in the same order, with the others between them.
 */
export interface PrefetchedEvents {
  kind: string;
  name: string;
  namespace: string;
  events: Promise<Obj[]>;
}

/** Starts reading the events of PrefetchedEvents; a failure shows only where they are used. */
export function prefetchEvents(
  client: Promise<HttpClient>,
  about: { kind: string; name: string; namespace: string },
): PrefetchedEvents {
  const fieldSelector = eventFields(about.kind, about.name, about.namespace).join(',');
  const events = client.then((c) => listAll(c, EVENTS, about.namespace, { fieldSelector }));
  // Unused when the object is not found; its error, if any, is the describer's to report.
  events.catch(() => undefined);
  return { ...about, events };
}

function eventFields(kind: string, name: string, namespace: string): string[] {
  return [
    `involvedObject.kind=${kind}`,
    `involvedObject.name=${name}`,
    `involvedObject.namespace=${namespace}`,
  ];
}

function involvedUid(event: Obj): string {
  return String((event['involvedObject'] as Obj | undefined)?.['uid'] ?? '');
}

/** The events about an object (from `prefetched` when it was read for this kind and name). */
export async function eventsFor(
  client: HttpClient,
  object: KubeObject,
  kind: string,
  uid?: string,
  prefetched?: PrefetchedEvents,
): Promise<Obj[]> {
  const meta = object.metadata ?? {};
  const name = meta.name ?? '';
  const namespace = meta.namespace ?? '';
  const id = uid ?? meta.uid;
  if (
    prefetched &&
    prefetched.kind === kind &&
    prefetched.name === name &&
    prefetched.namespace === namespace
  ) {
    const events = await prefetched.events;
    return id ? events.filter((event) => involvedUid(event) === id) : [...events];
  }
  const fields = eventFields(kind, name, namespace);
  if (id) fields.push(`involvedObject.uid=${id}`);
  return listAll(client, EVENTS, namespace, { fieldSelector: fields.join(',') });
}

function controlledBy(item: Obj, uid: string | undefined): boolean {
  const refs =
    ((item['metadata'] as Obj | undefined)?.['ownerReferences'] as Obj[] | undefined) ?? [];
  return refs.some((r) => r['controller'] === true && r['uid'] === uid);
}

function selectorOf(object: KubeObject): string {
  const selector =
    ((object['spec'] as Obj | undefined)?.['selector'] as
      { matchLabels?: Record<string, string> } | undefined) ?? {};
  return Object.entries(selector.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The related objects a kind's describer reads. */
export async function relatedFor(
  client: HttpClient,
  mapping: { group: string; kind: string },
  object: KubeObject,
): Promise<Record<string, Obj[] | undefined>> {
  const meta = object.metadata ?? {};
  const namespace = meta.namespace ?? '';
  const key = `${mapping.group}/${mapping.kind}`;
  const ofKind = await relatedOfKind(client, key, object as Obj);
  if (ofKind) return ofKind;
  if (key === 'apps/Deployment') {
    const sets = await listAll(client, REPLICA_SETS, namespace, {
      labelSelector: selectorOf(object) || undefined,
    });
    return { replicaSets: sets.filter((rs) => controlledBy(rs, meta.uid)) };
  }
  if (key === 'apps/ReplicaSet') {
    const pods = await listAll(client, PODS, namespace, {
      labelSelector: selectorOf(object) || undefined,
    });
    return { pods: pods.filter((p) => controlledBy(p, meta.uid)) };
  }
  if (key === '/Service')
    return {
      endpointSlices: await listAll(client, SLICES, namespace, {
        labelSelector: `kubernetes.io/service-name=${meta.name ?? ''}`,
      }),
    };
  if (key === '/Namespace')
    return {
      resourceQuotas: await listAll(client, QUOTAS, meta.name ?? '', {}),
      limitRanges: await listAll(client, LIMIT_RANGES, meta.name ?? '', {}),
    };
  if (key === '/Node') {
    const fieldSelector = `spec.nodeName=${meta.name ?? ''},status.phase!=Failed,status.phase!=Succeeded`;
    const pods = await listAll(client, PODS, '', { fieldSelector });
    let lease: Obj[] = [];
    try {
      lease = [
        await client.json<Obj>({ path: objectPath(LEASES, meta.name ?? '', 'kube-node-lease') }),
      ];
    } catch {
      lease = [];
    }
    return { pods, lease };
  }
  return {};
}

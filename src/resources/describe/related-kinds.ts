/**
 * The related objects the StatefulSet, DaemonSet, PVC and Ingress describers read, fetched as
 * kubectl's describers fetch them (pods by selector and controller, the namespace's pods, the
 * backend services with their EndpointSlices).
 */
import type { HttpClient } from '../../transport/http-client.js';
import { listPages } from '../list.js';
import type { ResourceRef } from '../resource-ref.js';
import { objectPath } from '../resource-ref.js';
import type { Obj } from './fields.js';
import { arr, obj, str } from './fields.js';
import type { BackendLookup } from './ingress.js';
import { backendServiceNames } from './ingress.js';
import { selectorText } from './selectors.js';

type Related = Record<string, Obj[] | undefined>;

const ref = (group: string, resource: string, kind: string): ResourceRef => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced: true,
});
const PODS = ref('', 'pods', 'Pod');
const SERVICES = ref('', 'services', 'Service');
const SLICES = ref('discovery.k8s.io', 'endpointslices', 'EndpointSlice');

async function listAll(
  client: HttpClient,
  what: ResourceRef,
  namespace: string,
  labelSelector?: string,
): Promise<Obj[]> {
  const items: Obj[] = [];
  const options = { namespace, chunkSize: 500, labelSelector: labelSelector || undefined };
  for await (const page of listPages<{ items?: Obj[]; metadata?: { continue?: string } }>(
    client,
    what,
    options,
  ))
    items.push(...(page.body.items ?? []));
  return items;
}

/** getPodStatusForController's pods: matched by the selector and controlled by the object. */
async function controlledPods(client: HttpClient, object: Obj): Promise<Obj[]> {
  const metadata = obj(object, 'metadata');
  const selector = selectorText(obj(obj(object, 'spec'), 'selector'));
  const pods = await listAll(client, PODS, str(metadata, 'namespace'), selector);
  return pods.filter((pod) =>
    arr(obj(pod, 'metadata'), 'ownerReferences').some(
      (r) => r['controller'] === true && str(r, 'uid') === str(metadata, 'uid'),
    ),
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function lookupBackend(
  client: HttpClient,
  namespace: string,
  name: string,
): Promise<BackendLookup> {
  try {
    const slices = await listAll(client, SLICES, namespace, `kubernetes.io/service-name=${name}`);
    const service = await client.json<Obj>({ path: objectPath(SERVICES, name, namespace) });
    return { name, service, slices };
  } catch (error) {
    return { name, error: errorText(error) };
  }
}

/** The related objects of the kinds these describers cover; undefined for other kinds. */
export async function relatedOfKind(
  client: HttpClient,
  groupKind: string,
  object: Obj,
): Promise<Related | undefined> {
  const namespace = str(obj(object, 'metadata'), 'namespace');
  switch (groupKind) {
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
      return { pods: await controlledPods(client, object) };
    case '/PersistentVolumeClaim':
      return { pods: await listAll(client, PODS, namespace) };
    case 'networking.k8s.io/Ingress': {
      const names = backendServiceNames(object);
      const backends = await Promise.all(names.map((n) => lookupBackend(client, namespace, n)));
      return { backends };
    }
    default:
      return undefined;
  }
}

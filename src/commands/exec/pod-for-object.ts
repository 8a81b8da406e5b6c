import { PlainError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { Pod, PodList } from './pod-types.js';
import type { ObjectRef } from './workload-types.js';
import { objectPath, POD_TYPE } from './workload-types.js';

/** A workload object as far as pod selection needs it. */
export interface WorkloadObject {
  kind?: string;
  metadata: { name: string; namespace?: string };
  spec?: {
    selector?: LabelSelector | Record<string, string>;
    clusterIP?: string;
    ports?: Array<{ name?: string; port: number; targetPort?: number | string }>;
  };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** The result of resolving TYPE/NAME to a pod. */
export interface ResolvedPod {
  pod: Pod;
  /** The object named on the command line (the pod itself for pod/NAME). */
  object: WorkloadObject;
  /** How many pods matched the workload's selector (1 for a pod). */
  matched: number;
}

/** Renders a label selector (map or metav1.LabelSelector) as a query string selector. */
export function selectorString(kind: string, object: WorkloadObject): string {
  const selector = object.spec?.selector;
  const name = object.metadata.name;
  const isMap = kind === 'Service' || kind === 'ReplicationController';
  if (isMap) {
    const labels = (selector ?? {}) as Record<string, string>;
    if (Object.keys(labels).length === 0) {
      const what = kind === 'Service' ? 'service' : 'replication controller';
      throw new PlainError(`invalid ${what} '${name}': ${kind} is defined without a selector`);
    }
    return Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
  const labelSelector = (selector ?? {}) as LabelSelector;
  const parts = Object.entries(labelSelector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of labelSelector.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** Lists a namespace's pods matching a selector. */
export async function listPods(
  client: HttpClient,
  namespace: string,
  labelSelector: string,
): Promise<PodList> {
  return client.json<PodList>({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
    query: { labelSelector },
  });
}

/**
 * Finds the pod behind TYPE/NAME as kubectl does: the pod itself, or the first pod of the
 * workload's selector in the given order, waiting up to timeoutMs for one to appear.
 */
export async function podForObject(
  client: HttpClient,
  namespace: string,
  ref: ObjectRef,
  order: (a: Pod, b: Pod) => number,
  timeoutMs: number,
): Promise<ResolvedPod> {
  const object = await client.json<WorkloadObject>({
    path: objectPath(ref.type, namespace, ref.name),
  });
  if (ref.type === POD_TYPE) return { pod: object as unknown as Pod, object, matched: 1 };
  const selector = selectorString(ref.type.kind, object);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pods = (await listPods(client, namespace, selector)).items;
    if (pods.length > 0) {
      const sorted = [...pods].sort(order);
      return { pod: sorted[0] as Pod, object, matched: pods.length };
    }
    if (Date.now() >= deadline) throw new PlainError('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

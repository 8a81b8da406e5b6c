import { PlainError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { ObjectRef } from './object-ref.js';
import { isPodMapping, refPath } from './object-ref.js';
import type { Pod, PodList } from './pod-types.js';
import type { WorkloadObject } from './workload-selector.js';
import { checkInScheme, selectorFor } from './workload-selector.js';

export type { WorkloadObject } from './workload-selector.js';

/** The result of resolving TYPE/NAME to a pod. */
export interface ResolvedPod {
  pod: Pod;
  /** The object named on the command line (the pod itself for pod/NAME). */
  object: WorkloadObject;
  /** How many pods matched the workload's selector (1 for a pod). */
  matched: number;
}

/** How to find the pod: the order of candidates, how long to wait, how errors are prefixed. */
export interface PodSearch {
  order: (a: Pod, b: Pod) => number;
  timeoutMs: number;
  /** "cannot attach to" (exec, attach, port-forward) or "cannot get the logs from" (logs). */
  action: string;
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
  search: PodSearch,
): Promise<ResolvedPod> {
  const object = await client.json<WorkloadObject>({ path: refPath(ref, namespace) });
  return podOfObject(client, namespace, ref.mapping, object, search);
}

/**
 * The pod behind an object already in hand (fetched, or read from a file as `exec -f` reads
 * it): the object itself for a pod, else the first pod of its selector in `namespace`.
 */
export async function podOfObject(
  client: HttpClient,
  namespace: string,
  mapping: ObjectRef['mapping'],
  object: WorkloadObject,
  search: PodSearch,
): Promise<ResolvedPod> {
  checkInScheme(mapping);
  if (isPodMapping(mapping)) return { pod: object as unknown as Pod, object, matched: 1 };
  const selector = selectorFor(mapping, object, search.action);
  const deadline = Date.now() + search.timeoutMs;
  for (;;) {
    const pods = (await listPods(client, namespace, selector)).items;
    if (pods.length > 0) {
      const sorted = [...pods].sort(search.order);
      return { pod: sorted[0] as Pod, object, matched: pods.length };
    }
    if (Date.now() >= deadline) throw new PlainError('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

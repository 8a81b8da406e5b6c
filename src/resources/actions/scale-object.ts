/** Scaling as kubectl's scaler does it, through the scale subresource. */
import type { HttpClient } from '../../transport/http-client.js';
import type { ResourceRef } from '../resource-ref.js';
import { objectPath } from '../resource-ref.js';
import type { KubeObject } from '../kube-object.js';

/** The path of an object's scale subresource. */
export function scalePath(ref: ResourceRef, name: string, namespace: string | undefined): string {
  return `${objectPath(ref, name, namespace)}/scale`;
}

/** Sets spec.replicas with a merge patch on the scale subresource (no preconditions). */
export async function patchReplicas(
  client: HttpClient,
  ref: ResourceRef,
  name: string,
  namespace: string | undefined,
  replicas: number,
  serverDryRun = false,
): Promise<void> {
  await client.json({
    method: 'PATCH',
    path: scalePath(ref, name, namespace),
    contentType: 'application/merge-patch+json',
    body: JSON.stringify({ spec: { replicas } }),
    query: { dryRun: serverDryRun ? 'All' : undefined },
  });
}

/** The replica count of a scalable object (spec.replicas, 1 when unset as the API defaults it). */
export function replicasOf(object: KubeObject): number {
  const spec = object['spec'] as { replicas?: number } | undefined;
  return spec?.replicas ?? 1;
}

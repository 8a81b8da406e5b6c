import type { ResourceRef } from '../../resources/resource-ref.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { HttpClient } from '../../transport/http-client.js';

/** Which object an action is about. */
export interface ObjectTarget {
  ref: ResourceRef;
  name: string;
  namespace: string;
}

/** The types `s` (scale) applies to: they have a scale subresource. */
export const SCALABLE = new Set([
  'deployments',
  'replicasets',
  'statefulsets',
  'replicationcontrollers',
]);
/** The types `r` (rollout restart) applies to. */
export const RESTARTABLE = new Set(['deployments', 'statefulsets', 'daemonsets']);

function pathOf(target: ObjectTarget, subresource = ''): string {
  const path = objectPath(
    target.ref,
    target.name,
    target.ref.namespaced ? target.namespace : undefined,
  );
  return subresource ? `${path}/${subresource}` : path;
}

/** `kind/name` as kubectl prints it in messages. */
export function targetLabel(target: ObjectTarget): string {
  return `${target.ref.kind.toLowerCase()}/${target.name}`;
}

/** The full object, as the server has it now. */
export function fetchObject(client: HttpClient, target: ObjectTarget): Promise<KubeObject> {
  return client.json<KubeObject>({ path: pathOf(target) });
}

/** Deletes the object (background propagation, like kubectl delete). */
export async function deleteObject(client: HttpClient, target: ObjectTarget): Promise<void> {
  await client.request({
    method: 'DELETE',
    path: pathOf(target),
    body: JSON.stringify({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Background',
    }),
    contentType: 'application/json',
  });
}

/** Sets spec.replicas through the scale subresource (what kubectl scale does). */
export async function scaleObject(
  client: HttpClient,
  target: ObjectTarget,
  replicas: number,
): Promise<void> {
  await client.request({
    method: 'PATCH',
    path: pathOf(target, 'scale'),
    body: JSON.stringify({ spec: { replicas } }),
    contentType: 'application/merge-patch+json',
  });
}

/** kubectl rollout restart: stamps the pod template with kubectl.kubernetes.io/restartedAt. */
export async function restartObject(
  client: HttpClient,
  target: ObjectTarget,
  now = new Date(),
): Promise<void> {
  const restartedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const patch = {
    spec: {
      template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } },
    },
  };
  await client.request({
    method: 'PATCH',
    path: pathOf(target),
    body: JSON.stringify(patch),
    contentType: 'application/strategic-merge-patch+json',
  });
}

/** The replica count of a scalable object (for the scale prompt's default). */
export function replicasOf(object: KubeObject): number {
  const spec = object['spec'] as { replicas?: number } | undefined;
  return spec?.replicas ?? 1;
}

/**
 * What debug does to each object (kubectl's visitNode and visitPod): a node gets a debugging
 * pod, a pod an ephemeral container or a copy. Each returns the pod and container to attach to
 * (no container for a copy that only changed images).
 */
import type { HttpClient } from '../../transport/http-client.js';
import type { DebugPod } from './debug-types.js';
import type { DebugSpec } from './generate.js';
import { nodeDebugPod, podCopy, podWithEphemeralContainer } from './generate.js';

/** The pod debug created or changed, and the debug container in it ('' for none). */
export interface DebugTarget {
  pod: DebugPod;
  container: string;
}

type Out = (text: string) => void;

/** Where debug writes: stdout for its notices, stderr for warnings. */
export interface DebugStreams {
  out: Out;
  err: Out;
}

/**
 * kubectl 1.34's displayWarning: a pod-wide non-root runAsUser defeats the capabilities or
 * privilege the debug container was given, unless the container sets its own runAsUser.
 */
function warnNonRoot(pod: DebugPod, name: string, err: Out): void {
  const podUser = (pod.spec.securityContext as { runAsUser?: number } | undefined)?.runAsUser;
  if (podUser === undefined || podUser === 0) return;
  const container = [...pod.spec.containers, ...(pod.spec.ephemeralContainers ?? [])].find(
    (c) => c.name === name,
  );
  const context = container?.securityContext;
  if (!context || context.runAsUser !== undefined) return;
  if (context.privileged !== true && (context.capabilities?.add ?? []).length === 0) return;
  err(
    'Warning: Non-root user is configured for the entire target Pod, and some capabilities granted by debug profile may not work. Please consider using "--custom" with a custom profile that specifies "securityContext.runAsUser: 0".\n',
  );
}

const podsPath = (namespace: string): string =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;

/** A pod on the node, in the command's namespace; never deleted. */
export async function visitNode(
  client: HttpClient,
  spec: DebugSpec,
  nodeName: string,
  namespace: string,
  out: Out,
): Promise<DebugTarget> {
  const pod = nodeDebugPod(spec, nodeName, out);
  const created = await client.json<DebugPod>({
    method: 'POST',
    path: podsPath(namespace),
    body: JSON.stringify(pod),
    contentType: 'application/json',
  });
  return { pod: created, container: created.spec.containers[0]?.name ?? '' };
}

/** A copy of the pod (--copy-to), the original deleted with --replace. */
export async function debugByCopy(
  client: HttpClient,
  spec: DebugSpec,
  pod: DebugPod,
  replace: boolean,
  streams: DebugStreams,
): Promise<DebugTarget> {
  const { pod: copy, container } = podCopy(spec, pod, streams.out);
  warnNonRoot(copy, container, streams.err);
  const namespace = pod.metadata.namespace ?? '';
  const created = await client.json<DebugPod>({
    method: 'POST',
    path: podsPath(namespace),
    body: JSON.stringify(copy),
    contentType: 'application/json',
  });
  if (replace)
    await client.json({
      method: 'DELETE',
      path: `${podsPath(namespace)}/${encodeURIComponent(pod.metadata.name)}`,
      body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 }),
      contentType: 'application/json',
    });
  return { pod: created, container };
}

/** An ephemeral container added through the pods/ephemeralcontainers subresource. */
export async function debugByEphemeralContainer(
  client: HttpClient,
  spec: DebugSpec,
  pod: DebugPod,
  streams: DebugStreams,
): Promise<DebugTarget> {
  const { pod: debugPod, container } = podWithEphemeralContainer(spec, pod, streams.out);
  warnNonRoot(debugPod, container.name, streams.err);
  // as CreateTwoWayMergePatch writes it: the element order keeps the new container last
  const order = (debugPod.spec.ephemeralContainers ?? []).map((c) => ({ name: c.name }));
  const path = `${podsPath(pod.metadata.namespace ?? '')}/${encodeURIComponent(pod.metadata.name)}/ephemeralcontainers`;
  const patched = await client.json<DebugPod>({
    method: 'PATCH',
    path,
    body: JSON.stringify({
      spec: { '$setElementOrder/ephemeralContainers': order, ephemeralContainers: [container] },
    }),
    contentType: 'application/strategic-merge-patch+json',
  });
  return { pod: patched, container: container.name };
}

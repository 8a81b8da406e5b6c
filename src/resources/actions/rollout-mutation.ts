/**
 * `rollout restart|pause|resume` on one workload: kubectl's strategic merge patches, and its
 * refusals (`deployments.apps "web" is already paused`) as errors.
 */
import { PrefixedError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { ResourceRef } from '../resource-ref.js';
import { objectPath } from '../resource-ref.js';
import type { KubeObject } from '../kube-object.js';

/** Which change to make. */
export type Mutation = 'restart' | 'pause' | 'resume';

const GERUNDS: Record<Mutation, string> = {
  restart: 'restarting',
  pause: 'pausing',
  resume: 'resuming',
};

/** The kinds `rollout restart` accepts (group apps). */
export const RESTARTABLE_KINDS = ['Deployment', 'DaemonSet', 'StatefulSet'];

/** Go's time.Now().Format(time.RFC3339) in the local zone. */
export function rfc3339Now(now = new Date()): string {
  const offset = -now.getTimezoneOffset();
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  const zone = `${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${offset > 0 ? '+' : '-'}${zone}`;
}

/** The patch for one object, or (thrown) the reason kubectl refuses it. */
export function mutationPatch(
  mutation: Mutation,
  mapping: Pick<ResourceRef, 'group' | 'resource' | 'kind'>,
  object: KubeObject,
): Record<string, unknown> {
  const groupResource =
    mapping.group === '' ? mapping.resource : `${mapping.resource}.${mapping.group}`;
  const fail = (why: string): never => {
    throw new PrefixedError(
      `${groupResource} ${JSON.stringify(object.metadata?.name ?? '')} ${why}`,
    );
  };
  const kind = mapping.group === 'apps' ? mapping.kind : '';
  const paused = (object['spec'] as { paused?: boolean } | undefined)?.paused === true;
  if (mutation === 'restart') {
    if (!RESTARTABLE_KINDS.includes(kind)) fail(`${GERUNDS[mutation]} is not supported`);
    if (kind === 'Deployment' && paused)
      fail("can't restart paused deployment (run rollout resume first)");
    const annotations = { 'kubectl.kubernetes.io/restartedAt': rfc3339Now() };
    return { spec: { template: { metadata: { annotations } } } };
  }
  if (kind !== 'Deployment') fail(`${GERUNDS[mutation]} is not supported`);
  if (mutation === 'pause' && paused) fail('is already paused');
  if (mutation === 'resume' && !paused) fail('is not paused');
  return { spec: { paused: mutation === 'pause' ? true : null } };
}

/** Sends a mutation's patch; returns the object as the server has it afterwards. */
export function sendMutation(
  client: HttpClient,
  target: { ref: ResourceRef; name: string; namespace: string | undefined },
  patch: Record<string, unknown>,
  options: { serverDryRun?: boolean; fieldManager?: string } = {},
): Promise<KubeObject> {
  return client.json<KubeObject>({
    method: 'PATCH',
    path: objectPath(target.ref, target.name, target.namespace),
    contentType: 'application/strategic-merge-patch+json',
    body: JSON.stringify(patch),
    query: {
      dryRun: options.serverDryRun ? 'All' : undefined,
      fieldManager: options.fieldManager || undefined,
    },
  });
}

import { ApiStatusError, PlainError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import { groupResource, resolveObjectRef } from '../../resources/pods/object-ref.js';
import { byLogging } from '../../resources/pods/pod-order.js';
import { listPods, podForObject } from '../../resources/pods/pod-for-object.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import { defaultContainer, hasContainer } from '../../resources/pods/pod-types.js';
import type { Factory } from '../../runtime/factory.js';
import type { LogsPlan } from './log-options.js';

/** One container whose log is requested. */
export interface LogTarget {
  namespace: string;
  pod: string;
  container: string;
}

/** Where kubectl's notes (Defaulted container…, Found N pods…) go. */
export type Note = (line: string) => void;

/**
 * The containers of one pod to read: all of them with --all-containers, the named one, or the
 * default one (logsForObjectWithClient).
 */
export function containersOf(pod: Pod, plan: LogsPlan, note: Note): string[] {
  if (plan.allContainers) {
    return [
      ...(pod.spec.initContainers ?? []),
      ...pod.spec.containers,
      ...(pod.spec.ephemeralContainers ?? []),
    ].map((c) => c.name);
  }
  const container = plan.container ?? defaultContainer(pod, note, true);
  if (!hasContainer(pod, container))
    throw new PlainError(`container ${container} is not valid for pod ${pod.metadata.name}`);
  return [container];
}

/** Expands pods into log targets. */
export function targetsOf(pods: Pod[], namespace: string, plan: LogsPlan, note: Note): LogTarget[] {
  return pods.flatMap((pod) =>
    containersOf(pod, plan, note).map((container) => ({
      namespace: pod.metadata.namespace ?? namespace,
      pod: pod.metadata.name,
      container,
    })),
  );
}

/** Resolves the command line (POD, TYPE/NAME or -l) to the pods whose logs are read. */
export async function resolveLogPods(
  factory: Factory,
  client: HttpClient,
  namespace: string,
  plan: LogsPlan,
  note: Note,
): Promise<Pod[]> {
  if (plan.selector !== undefined) return (await listPods(client, namespace, plan.selector)).items;
  const ref = await resolveObjectRef(factory, plan.target ?? '');
  const resolved = await podForObject(client, namespace, ref, {
    order: byLogging,
    timeoutMs: plan.podRunningTimeoutMs,
    action: 'cannot get the logs from',
  }).catch((error: unknown) => {
    // The builder kubectl logs uses words a missing object its own way.
    if (error instanceof ApiStatusError && error.isNotFound) {
      throw new PlainError(
        `error from server (NotFound): ${groupResource(ref.mapping)} "${ref.name}" not found in namespace "${namespace}"`,
      );
    }
    throw error;
  });
  if (resolved.matched > 1)
    note(`Found ${resolved.matched} pods, using pod/${resolved.pod.metadata.name}\n`);
  return [resolved.pod];
}

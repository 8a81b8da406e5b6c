/**
 * Which pods `drain` may remove from a node, and what it warns about or refuses, after kubectl's
 * pkg/drain/filters.go. The filters run in kubectl's order and stop at the first that keeps a
 * pod; the status of the last filter reached is the pod's.
 */
import type { KubeObject } from '../kube-object.js';

export interface DrainPod extends KubeObject {
  metadata?: KubeObject['metadata'] & {
    ownerReferences?: Array<{ kind?: string; name?: string; controller?: boolean }>;
  };
  spec?: { volumes?: Array<{ emptyDir?: unknown }>; [key: string]: unknown };
  status?: { phase?: string; [key: string]: unknown };
}

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** Seconds; pods deleted longer ago than this are skipped (0 = never). */
  skipWaitForDeleteTimeout: number;
}

/** What a filter decided: remove the pod or not, and why. */
export type PodDeleteStatus =
  | { delete: true; reason: 'okay' }
  | { delete: true; reason: 'warning'; message: string }
  | { delete: false; reason: 'skip' }
  | { delete: false; reason: 'warning'; message: string }
  | { delete: false; reason: 'error'; message: string };

export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL =
  'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL =
  'cannot delete Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const OKAY: PodDeleteStatus = { delete: true, reason: 'okay' };

/** Whether a DaemonSet still exists: the one lookup a filter needs from the server. */
export type DaemonSetLookup = (
  namespace: string,
  name: string,
) => Promise<'found' | 'not-found' | { error: string }>;

function controllerOf(pod: DrainPod): { kind?: string; name?: string } | undefined {
  return pod.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

function finished(pod: DrainPod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function skipDeleted(pod: DrainPod, options: DrainOptions, now: number): PodDeleteStatus {
  const deleted = pod.metadata?.deletionTimestamp;
  if (options.skipWaitForDeleteTimeout > 0 && deleted) {
    const age = (now - Date.parse(deleted)) / 1000;
    if (age > options.skipWaitForDeleteTimeout) return { delete: false, reason: 'skip' };
  }
  return OKAY;
}

async function daemonSetFilter(
  pod: DrainPod,
  options: DrainOptions,
  lookup: DaemonSetLookup,
): Promise<PodDeleteStatus> {
  const owner = controllerOf(pod);
  if (owner?.kind !== 'DaemonSet' || finished(pod)) return OKAY;
  const found = await lookup(pod.metadata?.namespace ?? '', owner.name ?? '');
  if (found === 'not-found') {
    const message = `daemonsets.apps "${owner.name ?? ''}" not found`;
    return options.force
      ? { delete: true, reason: 'warning', message }
      : { delete: false, reason: 'error', message };
  }
  if (found !== 'found') return { delete: false, reason: 'error', message: found.error };
  if (!options.ignoreDaemonSets) {
    return { delete: false, reason: 'error', message: DAEMONSET_FATAL };
  }
  return { delete: false, reason: 'warning', message: DAEMONSET_WARNING };
}

function mirrorFilter(pod: DrainPod): PodDeleteStatus {
  const annotations = pod.metadata?.annotations ?? {};
  return MIRROR_POD_ANNOTATION in annotations ? { delete: false, reason: 'skip' } : OKAY;
}

function localStorageFilter(pod: DrainPod, options: DrainOptions): PodDeleteStatus {
  const hasEmptyDir = (pod.spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined);
  if (!hasEmptyDir || finished(pod)) return OKAY;
  if (!options.deleteEmptyDirData) {
    return { delete: false, reason: 'error', message: LOCAL_STORAGE_FATAL };
  }
  return { delete: true, reason: 'warning', message: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(pod: DrainPod, options: DrainOptions): PodDeleteStatus {
  if (finished(pod) || controllerOf(pod) !== undefined) return OKAY;
  if (options.force) return { delete: true, reason: 'warning', message: UNMANAGED_WARNING };
  return { delete: false, reason: 'error', message: UNMANAGED_FATAL };
}

/** The status of one pod after kubectl's filter chain. */
export async function podDeleteStatus(
  pod: DrainPod,
  options: DrainOptions,
  lookup: DaemonSetLookup,
  now = Date.now(),
): Promise<PodDeleteStatus> {
  const filters: Array<() => PodDeleteStatus | Promise<PodDeleteStatus>> = [
    () => skipDeleted(pod, options, now),
    () => daemonSetFilter(pod, options, lookup),
    () => mirrorFilter(pod),
    () => localStorageFilter(pod, options),
    () => unreplicatedFilter(pod, options),
  ];
  let status: PodDeleteStatus = OKAY;
  for (const filter of filters) {
    status = await filter();
    if (!status.delete) break;
  }
  return status;
}

export interface PodDeleteList {
  /** Pods to evict or delete. */
  remove: DrainPod[];
  /** `Warning: ` text (messages with their pods), or "" when none. */
  warnings: string;
  /** One `cannot delete <message>: ns/a, ns/b` per message; empty when the node can drain. */
  errors: string[];
}

function podKey(pod: DrainPod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

function grouped(entries: Array<[string, DrainPod]>): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const [message, pod] of entries) {
    groups.set(message, [...(groups.get(message) ?? []), podKey(pod)]);
  }
  return [...groups];
}

/** kubectl's GetPodsForDeletion over the pods on one node. */
export async function podsForDeletion(
  pods: readonly DrainPod[],
  options: DrainOptions,
  lookup: DaemonSetLookup,
): Promise<PodDeleteList> {
  const warnings: Array<[string, DrainPod]> = [];
  const errors: Array<[string, DrainPod]> = [];
  const remove: DrainPod[] = [];
  for (const pod of pods) {
    const status = await podDeleteStatus(pod, options, lookup);
    if (status.delete) remove.push(pod);
    if (status.reason === 'warning') warnings.push([status.message, pod]);
    if (status.reason === 'error') errors.push([status.message, pod]);
  }
  return {
    remove,
    warnings: grouped(warnings)
      .map(([message, keys]) => `${message}: ${keys.join(', ')}`)
      .join('; '),
    errors: grouped(errors).map(
      ([message, keys]) => `cannot delete ${message}: ${keys.join(', ')}`,
    ),
  };
}

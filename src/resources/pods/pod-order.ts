import type { Pod } from './pod-types.js';
import { isPodReady } from './pod-types.js';

/**
 * kubectl's pod orderings (kubectl/pkg/util/podutils): ByLogging for `logs TYPE/NAME` and
 * ActivePods (reversed) for exec, attach and port-forward. Both return a negative number when
 * a should come first.
 */

function time(value: string | undefined): number {
  return value ? Date.parse(value) : 0;
}

function readyTime(pod: Pod): number {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return time(ready?.lastTransitionTime);
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/** Go's afterOrZero: a zero time counts as "after" everything. */
function afterOrZero(a: number, b: number): boolean {
  if (a === 0 || b === 0) return a === 0;
  return a > b;
}

function lessToCompare(less: (a: Pod, b: Pod) => boolean): (a: Pod, b: Pod) => number {
  return (a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0);
}

/** The pod whose logs are most interesting first (podutils.ByLogging). */
export const byLogging = lessToCompare((a, b) => {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA !== '';
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const phaseA = rank[a.status?.phase ?? ''] ?? 0;
  const phaseB = rank[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const createdA = time(a.metadata.creationTimestamp);
  const createdB = time(b.metadata.creationTimestamp);
  if (createdA !== createdB) return afterOrZero(createdB, createdA);
  return false;
});

/** Less-active pods first (podutils.ActivePods); kubectl takes the last (most active). */
const activePods = lessToCompare((a, b) => {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const phaseA = rank[a.status?.phase ?? ''] ?? 0;
  const phaseB = rank[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const createdA = time(a.metadata.creationTimestamp);
  const createdB = time(b.metadata.creationTimestamp);
  if (createdA !== createdB) return afterOrZero(createdA, createdB);
  return false;
});

/** The most active pod first (sort.Reverse(ActivePods)). */
export const mostActiveFirst = (a: Pod, b: Pod): number => activePods(b, a);

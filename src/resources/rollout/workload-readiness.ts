/**
 * One reading of a workload's rollout for `apply --wait-rollout`: kubectl's rollout status
 * viewers for Deployments, DaemonSets and StatefulSets, and a Job's Complete/Failed conditions.
 */
import type { KubeObject } from '../kube-object.js';
import { statusViewerFor } from './status-viewers.js';

/** Where a rollout stands. */
export type RolloutState = 'progressing' | 'ready' | 'failed' | 'unsupported';

/** The state and kubectl's one-line message (no newline). */
export interface WorkloadReading {
  state: RolloutState;
  message: string;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

type Workload = KubeObject & {
  spec?: { completions?: number; suspend?: boolean };
  status?: {
    conditions?: Condition[];
    observedGeneration?: number;
    succeeded?: number;
    failed?: number;
    active?: number;
  };
};

/** Whether --wait-rollout follows a kind. */
export function followsKind(kind: string, group: string): boolean {
  return group === 'batch' ? kind === 'Job' : statusViewerFor(kind, group) !== undefined;
}

/** Reads a workload; kinds it does not follow read as unsupported. */
export function readWorkload(kind: string, group: string, object: KubeObject): WorkloadReading {
  if (group === 'batch' && kind === 'Job') return readJob(object);
  const viewer = statusViewerFor(kind, group);
  if (!viewer) return { state: 'unsupported', message: `no status viewer for ${kind}` };
  if (kind === 'Deployment') {
    const failure = deadlineExceeded(object as Workload);
    if (failure) return failure;
  }
  try {
    const status = viewer(object, 0);
    return { state: status.done ? 'ready' : 'progressing', message: status.message.trimEnd() };
  } catch (error) {
    // The viewers refuse only what they cannot follow (e.g. an OnDelete update strategy).
    return { state: 'unsupported', message: (error as Error).message };
  }
}

/** A Deployment whose Progressing condition says ProgressDeadlineExceeded (kubectl's text). */
function deadlineExceeded(object: Workload): WorkloadReading | undefined {
  const generation = Number(object.metadata?.['generation'] ?? 0);
  if (generation > (object.status?.observedGeneration ?? 0)) return undefined;
  const progressing = object.status?.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason !== 'ProgressDeadlineExceeded') return undefined;
  const name = object.metadata?.name ?? '';
  return { state: 'failed', message: `deployment "${name}" exceeded its progress deadline` };
}

/** A Job: complete or failed by its conditions, otherwise the count of succeeded pods. */
export function readJob(job: KubeObject): WorkloadReading {
  const object = job as Workload;
  const name = object.metadata?.name ?? '';
  const conditions = object.status?.conditions ?? [];
  const isTrue = (type: string): Condition | undefined =>
    conditions.find((c) => c.type === type && c.status === 'True');
  const failed = isTrue('Failed');
  if (failed) {
    const why = [failed.reason, failed.message].filter(Boolean).join(': ');
    return { state: 'failed', message: `job "${name}" failed${why ? `: ${why}` : ''}` };
  }
  const succeeded = object.status?.succeeded ?? 0;
  if (isTrue('Complete'))
    return { state: 'ready', message: `job "${name}" completed (${succeeded} succeeded)` };
  if (object.spec?.suspend === true)
    return { state: 'progressing', message: `Waiting for job "${name}": the job is suspended...` };
  const completions = object.spec?.completions ?? 1;
  const active = object.status?.active ?? 0;
  return {
    state: 'progressing',
    message: `Waiting for job "${name}" to complete: ${succeeded} of ${completions} completions succeeded, ${active} active...`,
  };
}

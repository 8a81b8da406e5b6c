/**
 * kubectl run's waitForPod: list and watch one pod by name until a condition holds, within the
 * --pod-running-timeout, with its three exit conditions.
 */
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import { PODS_REF } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { AttachablePod } from '../../runtime/attach-session.js';
import { deadline, untilDone } from '../../resources/wait-until.js';

/** A pod as the run flow reads it. */
export type RunPod = AttachablePod & {
  status?: AttachablePod['status'] & {
    containerStatuses?: Array<{
      name: string;
      state?: { terminated?: { exitCode?: number; reason?: string; message?: string } };
    }>;
  };
};

/** true when done, false to keep waiting; throws to stop with an error. */
export type PodCondition = (pod: RunPod) => boolean;

/** Thrown by podRunningAndReady when the pod already finished (kubectl's ErrPodCompleted). */
export class PodCompletedError extends Error {
  readonly pod: RunPod;
  constructor(pod: RunPod) {
    super('pod ran to completion');
    this.pod = pod;
  }
}

function finished(pod: RunPod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Running with the Ready condition True; a finished pod throws PodCompletedError. */
export const podRunningAndReady: PodCondition = (pod) => {
  if (finished(pod)) throw new PodCompletedError(pod);
  if (pod.status?.phase !== 'Running') return false;
  return (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
};

/** Succeeded or Failed (the exit condition of --restart=Never). */
export const podCompleted: PodCondition = finished;

/** Succeeded (the exit condition of --restart=OnFailure). */
export const podSucceeded: PodCondition = (pod) => pod.status?.phase === 'Succeeded';

/** The server's NotFound status kubectl builds for a pod deleted while waiting. */
function deletedWhileWaiting(): ApiStatusError {
  const status = { status: 'Failure', message: 'pods "" not found', reason: 'NotFound' };
  return new ApiStatusError({ ...status, details: { kind: 'pods' }, code: 404 }, 404);
}

/** Waits until the condition holds and returns the pod it held for. */
export async function waitForPod(
  client: HttpClient,
  namespace: string,
  name: string,
  timeoutMs: number,
  condition: PodCondition,
): Promise<RunPod> {
  const timer = deadline(timeoutMs);
  let result: RunPod | undefined;
  let failure: unknown;
  try {
    await untilDone(
      client,
      { ref: PODS_REF, name, namespace },
      {
        object: (object: KubeObject) => {
          try {
            if (!condition(object as unknown as RunPod)) return false;
            result = object as unknown as RunPod;
          } catch (error) {
            failure = error;
          }
          return true;
        },
        gone: (initial) => {
          if (initial) return false;
          failure = deletedWhileWaiting();
          return true;
        },
      },
      timer.signal,
    );
  } finally {
    timer.clear();
  }
  if (failure !== undefined) throw failure;
  if (!result) throw new PlainError('timed out waiting for the condition');
  return result;
}

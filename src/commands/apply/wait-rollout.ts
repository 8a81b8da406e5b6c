/**
 * `apply --wait-rollout` (ktl only): after applying, follow every applied Deployment,
 * StatefulSet, DaemonSet and Job at once (a watch each) until it is ready or has failed, within
 * --timeout; a summary names those that failed or timed out and the exit code is 1.
 */
import { setMaxListeners } from 'node:events';
import { PlainError } from '../../errors/errors.js';
import type { ResourceMapping } from '../../discovery/index.js';
import type { WorkloadReading } from '../../resources/rollout/workload-readiness.js';
import { followsKind, readWorkload } from '../../resources/rollout/workload-readiness.js';
import { kindGroupName } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { Factory } from '../../runtime/factory.js';
import { untilDone } from '../../resources/wait-until.js';
import { rolloutView } from './wait-rollout-view.js';
import type { RolloutView } from './wait-rollout-view.js';

/** One applied workload to follow. */
export interface RolloutTarget {
  mapping: ResourceMapping;
  name: string;
  namespace: string;
}

/** The applied objects --wait-rollout follows. */
export function rolloutTargets(applied: RolloutTarget[]): RolloutTarget[] {
  return applied.filter((t) => followsKind(t.mapping.kind, t.mapping.group));
}

/** Follows the workloads; throws a summary of those that did not become ready. */
export async function followRollouts(
  factory: Factory,
  targets: RolloutTarget[],
  timeoutMs: number,
): Promise<void> {
  if (targets.length === 0) return;
  const names = targets.map((t) => `${kindGroupName(t.mapping)}/${t.name}`);
  const view = rolloutView(factory.streams.out, names);
  const readings: Array<WorkloadReading | undefined> = targets.map(() => undefined);
  const controller = new AbortController();
  // Every watch (and each of its requests) listens to the one timeout signal.
  setMaxListeners(0, controller.signal);
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  const client = await factory.client();
  try {
    await Promise.all(
      targets.map((target, index) =>
        followOne(target, index, { view, readings, signal: controller.signal, client }),
      ),
    );
  } finally {
    clearTimeout(timer);
    view.close();
  }
  const notReady = targets.flatMap((_, index) => {
    const reading = readings[index];
    if (reading?.state === 'failed') return [`  ${names[index]}: ${reading.message}`];
    if (reading?.state === 'ready' || reading?.state === 'unsupported') return [];
    const last = reading ? ` (last status: ${reading.message})` : '';
    return [`  ${names[index]}: timed out waiting for the rollout${last}`];
  });
  if (notReady.length === 0) return;
  throw new PlainError(
    `${notReady.length} of ${targets.length} workloads did not become ready:\n${notReady.join('\n')}`,
  );
}

interface FollowState {
  view: RolloutView;
  readings: Array<WorkloadReading | undefined>;
  signal: AbortSignal;
  client: Awaited<ReturnType<Factory['client']>>;
}

async function followOne(target: RolloutTarget, index: number, state: FollowState): Promise<void> {
  const record = (reading: WorkloadReading): boolean => {
    state.readings[index] = reading;
    state.view.update(index, reading);
    return reading.state !== 'progressing';
  };
  try {
    await untilDone(
      state.client,
      { ref: target.mapping, name: target.name, namespace: target.namespace },
      {
        object: (object: KubeObject) =>
          record(readWorkload(target.mapping.kind, target.mapping.group, object)),
        gone: (initial) =>
          record({
            state: 'failed',
            message: initial ? 'not found' : 'the object has been deleted',
          }),
      },
      state.signal,
    );
  } catch (error) {
    record({ state: 'failed', message: (error as Error).message });
  }
}

/**
 * kubectl's rollout status viewers (polymorphichelpers/rollout_status.go): for a Deployment,
 * DaemonSet or StatefulSet, the progress line to print and whether the rollout is done.
 */
import { PlainError } from '../../errors/errors.js';
import type { KubeObject } from '../kube-object.js';

/** One reading of a rollout. */
export interface RolloutStatus {
  message: string;
  done: boolean;
}

type Workload = KubeObject & {
  spec?: {
    replicas?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  };
  status?: Record<string, unknown>;
};

function num(status: Record<string, unknown> | undefined, key: string): number {
  const value = status?.[key];
  return typeof value === 'number' ? value : 0;
}

function generation(object: KubeObject): number {
  const value = object.metadata?.['generation'];
  return typeof value === 'number' ? value : 0;
}

/** The status viewer for a kind, or undefined when kubectl has none. */
export function statusViewerFor(
  kind: string,
  group: string,
): ((o: KubeObject, revision: number) => RolloutStatus) | undefined {
  if (group !== 'apps' && group !== 'extensions') return undefined;
  if (kind === 'Deployment') return deploymentStatus;
  if (kind === 'DaemonSet') return (o) => daemonSetStatus(o);
  if (kind === 'StatefulSet') return (o) => statefulSetStatus(o);
  return undefined;
}

interface Condition {
  type?: string;
  reason?: string;
}

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(object: Workload, revision: number): RolloutStatus {
  const name = object.metadata?.name ?? '';
  const status = object.status;
  if (revision > 0) {
    const current = Number(
      object.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 'x',
    );
    if (Number.isNaN(current))
      throw new PlainError(`cannot get the revision of deployment "${name}": revision not found`);
    if (revision !== current)
      throw new PlainError(
        `desired revision (${revision}) is different from the running revision (${current})`,
      );
  }
  if (generation(object) > num(status, 'observedGeneration'))
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const conditions = (status?.['conditions'] as Condition[] | undefined) ?? [];
  const progressing = conditions.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    throw new PlainError(`deployment "${name}" exceeded its progress deadline`);
  const wanted = object.spec?.replicas;
  const updated = num(status, 'updatedReplicas');
  const prefix = `Waiting for deployment "${name}" rollout to finish:`;
  if (wanted !== undefined && updated < wanted)
    return {
      message: `${prefix} ${updated} out of ${wanted} new replicas have been updated...\n`,
      done: false,
    };
  const replicas = num(status, 'replicas');
  if (replicas > updated)
    return {
      message: `${prefix} ${replicas - updated} old replicas are pending termination...\n`,
      done: false,
    };
  const available = num(status, 'availableReplicas');
  if (available < updated)
    return {
      message: `${prefix} ${available} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatus(object: Workload): RolloutStatus {
  const name = object.metadata?.name ?? '';
  const status = object.status;
  if (object.spec?.updateStrategy?.type !== 'RollingUpdate')
    throw new PlainError('rollout status is only available for RollingUpdate strategy type');
  if (generation(object) > num(status, 'observedGeneration'))
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = num(status, 'desiredNumberScheduled');
  const updated = num(status, 'updatedNumberScheduled');
  const prefix = `Waiting for daemon set "${name}" rollout to finish:`;
  if (updated < desired)
    return {
      message: `${prefix} ${updated} out of ${desired} new pods have been updated...\n`,
      done: false,
    };
  const available = num(status, 'numberAvailable');
  if (available < desired)
    return {
      message: `${prefix} ${available} of ${desired} updated pods are available...\n`,
      done: false,
    };
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(object: Workload): RolloutStatus {
  const status = object.status;
  const strategy = object.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate')
    throw new PlainError('rollout status is only available for RollingUpdate strategy type');
  const observed = num(status, 'observedGeneration');
  if (observed === 0 || generation(object) > observed)
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const wanted = object.spec?.replicas;
  const ready = num(status, 'readyReplicas');
  if (wanted !== undefined && ready < wanted)
    return { message: `Waiting for ${wanted - ready} pods to be ready...\n`, done: false };
  const updated = num(status, 'updatedReplicas');
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (wanted !== undefined && partition !== undefined && updated < wanted - partition)
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${wanted - partition} new pods have been updated...\n`,
        done: false,
      };
    return {
      message: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    };
  }
  const updateRevision = String(status?.['updateRevision'] ?? '');
  const currentRevision = String(status?.['currentRevision'] ?? '');
  if (updateRevision !== currentRevision)
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRevision}...\n`,
      done: false,
    };
  return {
    message: `statefulset rolling update complete ${num(status, 'currentReplicas')} pods at revision ${currentRevision}...\n`,
    done: true,
  };
}

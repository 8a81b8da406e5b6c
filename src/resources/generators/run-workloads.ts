/**
 * ktl's extension to `run`: `--kind deployment|job|cronjob` brings back the workload
 * generators kubectl removed in 1.18 (deployment/apps.v1, job/v1, cronjob), reusing the
 * Pod template that `run` builds.
 */
import type { RunPodParams } from './pod.js';
import { generateRunPod } from './pod.js';
import type { KubeObject } from '../kube-object.js';

/** The workload kinds `ktl run --kind` can build besides a Pod. */
export type RunWorkloadKind = 'deployment' | 'job' | 'cronjob';

/** Extra flags of the workload generators. */
export interface RunWorkloadParams extends RunPodParams {
  replicas?: number;
  schedule?: string;
}

function podTemplate(params: RunPodParams, restartPolicy: string | undefined): KubeObject {
  const pod = generateRunPod({ ...params, restart: restartPolicy ?? 'Always' });
  const metadata = pod['metadata'] as KubeObject;
  const spec = pod['spec'] as KubeObject;
  const templateMeta: KubeObject = {};
  if (metadata['labels']) templateMeta['labels'] = metadata['labels'];
  if (metadata['annotations']) templateMeta['annotations'] = metadata['annotations'];
  const templateSpec: KubeObject = { containers: spec['containers'] };
  if (restartPolicy !== undefined) templateSpec['restartPolicy'] = restartPolicy;
  templateSpec['dnsPolicy'] = 'ClusterFirst';
  return { metadata: templateMeta, spec: templateSpec };
}

function jobRestartPolicy(restart: string | undefined): string {
  const policy = restart || 'OnFailure';
  if (policy === 'Always')
    throw new Error(`invalid restart policy: Always, a job's pods must use OnFailure or Never`);
  return policy;
}

/** Builds the Deployment, Job or CronJob `ktl run --kind` asks for. */
export function generateRunWorkload(kind: RunWorkloadKind, params: RunWorkloadParams): KubeObject {
  const labels = generateRunPod(params).metadata?.labels;
  const metadata = { name: params.name, labels };
  if (kind === 'deployment') {
    if (params.restart && params.restart !== 'Always')
      throw new Error(
        `invalid restart policy: ${params.restart}, a deployment's pods must use Always`,
      );
    return {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata,
      spec: {
        replicas: params.replicas ?? 1,
        selector: { matchLabels: labels },
        template: podTemplate(params, undefined),
        strategy: {},
      },
      status: {},
    };
  }
  const jobSpec = { template: podTemplate(params, jobRestartPolicy(params.restart)) };
  if (kind === 'job')
    return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: jobSpec, status: {} };
  if (!params.schedule) throw new Error('--schedule is required for --kind=cronjob');
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata,
    spec: { schedule: params.schedule, jobTemplate: { metadata: {}, spec: jobSpec } },
    status: {},
  };
}

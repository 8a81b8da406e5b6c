/** `kubectl create job` (from an image, or `--from=cronjob/NAME`) and `create cronjob`. */
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';

/** Flags of `create job NAME --image`. */
export interface JobParams {
  name: string;
  namespace?: string;
  image: string;
  command?: readonly string[];
}

function singleContainer(name: string, image: string, command?: readonly string[]): KubeObject {
  return compact({
    name,
    image,
    command: command && command.length > 0 ? [...command] : undefined,
    resources: {},
  });
}

/** Validate: exactly one of --image and --from; no command with --from. */
export function validateJob(image: string, from: string, command: readonly string[]): void {
  if ((image === '' && from === '') || (image !== '' && from !== ''))
    throw new Error('either --image or --from must be specified');
  if (command.length > 0 && from !== '') throw new Error('cannot specify --from and command');
}

/** Builds a batch/v1 Job running one container, restartPolicy Never. */
export function generateJob(params: JobParams): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    spec: {
      template: {
        metadata: {},
        spec: {
          containers: [singleContainer(params.name, params.image, params.command)],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  };
}

/** Builds the Job a CronJob would start, annotated as a manual instantiation and owned by it. */
export function generateJobFromCronJob(
  name: string,
  namespace: string | undefined,
  cronJob: KubeObject,
): KubeObject {
  const cronMeta = (cronJob['metadata'] ?? {}) as KubeObject;
  const spec = (cronJob['spec'] ?? {}) as KubeObject;
  const template = (spec['jobTemplate'] ?? {}) as KubeObject;
  const templateMeta = (template['metadata'] ?? {}) as KubeObject;
  const annotations = {
    'cronjob.kubernetes.io/instantiate': 'manual',
    ...((templateMeta['annotations'] as Record<string, string> | undefined) ?? {}),
  };
  const ownerReference = compact({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    name: cronMeta['name'] as string,
    uid: (cronMeta['uid'] as string | undefined) || undefined,
    controller: true,
  });
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: objectMeta({
      name,
      namespace,
      labels: templateMeta['labels'] as Record<string, string> | undefined,
      annotations,
      ownerReferences: [ownerReference],
    }),
    spec: template['spec'] ?? {},
    status: {},
  };
}

/** Flags of `create cronjob`. */
export interface CronJobParams extends JobParams {
  schedule: string;
  /** OnFailure (the default) or Never; not checked, as kubectl does not. */
  restart?: string;
}

/** Builds a batch/v1 CronJob. */
export function generateCronJob(params: CronJobParams): KubeObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    spec: {
      schedule: params.schedule,
      jobTemplate: {
        metadata: { name: params.name },
        spec: {
          template: {
            metadata: {},
            spec: {
              containers: [singleContainer(params.name, params.image, params.command)],
              restartPolicy: params.restart || 'OnFailure',
            },
          },
        },
      },
    },
    status: {},
  };
}

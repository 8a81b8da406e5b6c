/**
 * The describers by group and kind (kubectl's describerMap for the kinds ktl covers), and the
 * related objects each needs; anything else gets the generic describer.
 */
import type { Describer } from './context.js';
import { describeCronJob } from './cronjob.js';
import { describeDaemonSet } from './daemonset.js';
import { describeConfigMap, describeNamespace, describeSecret } from './config.js';
import { describeGeneric } from './generic.js';
import { describeIngress } from './ingress.js';
import { describeJob } from './job.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describePersistentVolumeClaim } from './pvc.js';
import { describeService } from './service.js';
import { describeStatefulSet } from './statefulset.js';
import { describeDeployment, describeReplicaSet } from './workloads.js';

export type { DescribeContext, Describer } from './context.js';
export { describeGeneric } from './generic.js';
export { relatedOfKind } from './related-kinds.js';

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/ConfigMap': describeConfigMap,
  '/Secret': (o) => describeSecret(o),
  '/Namespace': describeNamespace,
  '/Node': describeNode,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  'networking.k8s.io/Ingress': describeIngress,
};

/** The describer for a kind; the generic one when kubectl has no typed describer here. */
export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? describeGeneric;
}

/** Whether a kind's describer shows events (Secret and Namespace do not). */
export function showsEvents(group: string, kind: string): boolean {
  return !(group === '' && (kind === 'Secret' || kind === 'Namespace'));
}

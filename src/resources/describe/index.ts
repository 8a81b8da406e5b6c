/**
 * The describers by group and kind (kubectl's describerMap for the kinds ktl covers), and the
 * related objects each needs; anything else gets the generic describer.
 */
import type { Describer } from './context.js';
import { describeConfigMap, describeNamespace, describeSecret } from './config.js';
import { describeGeneric } from './generic.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeService } from './service.js';
import { describeDeployment, describeReplicaSet } from './workloads.js';

export type { DescribeContext, Describer } from './context.js';
export { describeGeneric } from './generic.js';

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/ConfigMap': describeConfigMap,
  '/Secret': (o) => describeSecret(o),
  '/Namespace': describeNamespace,
  '/Node': describeNode,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
};

/** The describer for a kind; the generic one when kubectl has no typed describer here. */
export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? describeGeneric;
}

/** Whether a kind's describer shows events (Secret and Namespace do not). */
export function showsEvents(group: string, kind: string): boolean {
  return !(group === '' && (kind === 'Secret' || kind === 'Namespace'));
}

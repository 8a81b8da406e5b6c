import type { ResourceMapping } from '../../discovery/index.js';
import { PlainError } from '../../errors/errors.js';
import { inKubectlScheme } from './kubectl-scheme.js';

/** A workload object as far as pod selection needs it. */
export interface WorkloadObject {
  kind?: string;
  metadata: { name: string; namespace?: string };
  spec?: {
    selector?: LabelSelector | Record<string, string>;
    clusterIP?: string;
    ports?: Array<{ name?: string; port: number; targetPort?: number | string }>;
  };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** The kinds polymorphichelpers.SelectorsForObject knows, by group. */
const SELECTABLE: Readonly<Record<string, readonly string[]>> = {
  '': ['ReplicationController', 'Service'],
  apps: ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Deployment'],
  extensions: ['ReplicaSet', 'DaemonSet', 'Deployment'],
  batch: ['Job'],
};

/** The error kubectl's typed decoder gives for a type outside its scheme (CRDs, APIService). */
export function checkInScheme(mapping: ResourceMapping): void {
  if (inKubectlScheme(mapping.group)) return;
  const gv = mapping.group === '' ? mapping.version : `${mapping.group}/${mapping.version}`;
  throw new PlainError(
    `no kind "${mapping.kind}" is registered for version "${gv}" in scheme "pkg/runtime/scheme.go:110"`,
  );
}

/** Go's %T of the decoded object, e.g. `*v1.ConfigMap`. */
export function goTypeName(mapping: ResourceMapping): string {
  return `*${mapping.version}.${mapping.kind}`;
}

/**
 * The pod label selector of a workload (SelectorsForObject), as a query-string selector.
 * `action` prefixes the error as kubectl does ("cannot attach to", "cannot get the logs from").
 */
export function selectorFor(
  mapping: ResourceMapping,
  object: WorkloadObject,
  action: string,
): string {
  const fail = (reason: string): never => {
    throw new PlainError(`${action} ${goTypeName(mapping)}: ${reason}`);
  };
  if (!(SELECTABLE[mapping.group] ?? []).includes(mapping.kind))
    return fail(`selector for ${goTypeName(mapping)} not implemented`);
  const selector = object.spec?.selector;
  if (mapping.group === '') {
    const labels = (selector ?? {}) as Record<string, string>;
    if (mapping.kind === 'Service' && Object.keys(labels).length === 0)
      return fail(
        `invalid service '${object.metadata.name}': Service is defined without a selector`,
      );
    return mapSelector(labels);
  }
  return labelSelectorString((selector ?? {}) as LabelSelector);
}

function mapSelector(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key] ?? ''}`)
    .join(',');
}

/** metav1.LabelSelectorAsSelector rendered as a string. */
function labelSelectorString(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

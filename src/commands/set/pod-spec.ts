/**
 * kubectl's polymorphichelpers.UpdatePodSpecForObject: where the pod spec of a workload lives,
 * and its error for objects that have none (worded with the Go type kubectl decoded).
 */
import type { ResourceMapping } from '../../discovery/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { inKubectlScheme } from '../../resources/pods/kubectl-scheme.js';

type Fields = Record<string, unknown>;

/** The path to the pod spec, by kind, for the groups that serve each kind. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const GROUPS: Record<string, readonly string[]> = {
  Pod: [''],
  ReplicationController: [''],
  Deployment: ['apps', 'extensions'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  Job: ['batch'],
  CronJob: ['batch'],
};

/** The Go type kubectl's error names: `*v1.Service`, or unstructured for kinds it lacks. */
function goTypeName(mapping: ResourceMapping): string {
  if (!inKubectlScheme(mapping.group)) return '*unstructured.Unstructured';
  return `*${mapping.version}.${mapping.kind}`;
}

/** The object has no pod template (its text follows `resource/name ` in kubectl's error). */
export function noPodTemplate(mapping: ResourceMapping): string {
  return `the object is not a pod or does not have a pod template: ${goTypeName(mapping)}`;
}

/** The pod spec inside the object (created along the path when missing), or undefined. */
export function podSpecOf(object: KubeObject, mapping: ResourceMapping): Fields | undefined {
  const path = POD_SPEC_PATHS[mapping.kind];
  if (!path || !GROUPS[mapping.kind]?.includes(mapping.group)) return undefined;
  let current = object as Fields;
  for (const key of path) {
    const next = current[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[key] = {};
    current = current[key] as Fields;
  }
  return current;
}

/** A container as set's commands read and change it. */
export interface Container extends Fields {
  name?: string;
}

/** The containers of a pod spec (a list kubectl always has, perhaps empty). */
export function containersOf(spec: Fields, field: 'containers' | 'initContainers'): Container[] {
  const list = spec[field];
  return Array.isArray(list) ? (list as Container[]) : [];
}

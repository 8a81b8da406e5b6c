import { NoResourceTypeError } from '../../errors/errors.js';

/**
 * A resource type whose objects lead to pods (kubectl's polymorphichelpers). A static table
 * until the discovery/REST-mapping layer lands.
 */
export interface WorkloadType {
  kind: string;
  resource: string;
  /** API path prefix, e.g. /apis/apps/v1. */
  apiPath: string;
  names: readonly string[];
}

const WORKLOAD_TYPES: readonly WorkloadType[] = [
  { kind: 'Pod', resource: 'pods', apiPath: '/api/v1', names: ['pod', 'pods', 'po'] },
  {
    kind: 'Service',
    resource: 'services',
    apiPath: '/api/v1',
    names: ['service', 'services', 'svc'],
  },
  {
    kind: 'ReplicationController',
    resource: 'replicationcontrollers',
    apiPath: '/api/v1',
    names: ['replicationcontroller', 'replicationcontrollers', 'rc'],
  },
  {
    kind: 'Deployment',
    resource: 'deployments',
    apiPath: '/apis/apps/v1',
    names: ['deployment', 'deployments', 'deploy'],
  },
  {
    kind: 'ReplicaSet',
    resource: 'replicasets',
    apiPath: '/apis/apps/v1',
    names: ['replicaset', 'replicasets', 'rs'],
  },
  {
    kind: 'StatefulSet',
    resource: 'statefulsets',
    apiPath: '/apis/apps/v1',
    names: ['statefulset', 'statefulsets', 'sts'],
  },
  {
    kind: 'DaemonSet',
    resource: 'daemonsets',
    apiPath: '/apis/apps/v1',
    names: ['daemonset', 'daemonsets', 'ds'],
  },
  { kind: 'Job', resource: 'jobs', apiPath: '/apis/batch/v1', names: ['job', 'jobs'] },
];

/** The pod type (the default when an argument has no TYPE/ prefix). */
export const POD_TYPE = WORKLOAD_TYPES[0] as WorkloadType;

/** Finds a type by kubectl's spellings: plural, singular, short name, Kind, or name.group. */
export function lookupWorkloadType(text: string): WorkloadType {
  const lower = text.toLowerCase();
  const [base = '', ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  const found = WORKLOAD_TYPES.find((type) => {
    if (!type.names.includes(base) && type.kind.toLowerCase() !== base) return false;
    if (group === '') return true;
    const typeGroup = type.apiPath === '/api/v1' ? '' : (type.apiPath.split('/')[2] ?? '');
    return group === typeGroup || group === `${typeGroup}/v1`.replace(/^\//, '');
  });
  if (!found) throw new NoResourceTypeError(base);
  return found;
}

/** A `TYPE/NAME` or bare pod `NAME` argument. */
export interface ObjectRef {
  type: WorkloadType;
  name: string;
}

/** Parses `TYPE/NAME` (or NAME, meaning a pod). */
export function parseObjectRef(arg: string): ObjectRef {
  const slash = arg.indexOf('/');
  if (slash < 0) return { type: POD_TYPE, name: arg };
  return { type: lookupWorkloadType(arg.slice(0, slash)), name: arg.slice(slash + 1) };
}

/** The REST path of one object. */
export function objectPath(type: WorkloadType, namespace: string, name: string): string {
  return `${type.apiPath}/namespaces/${encodeURIComponent(namespace)}/${type.resource}/${encodeURIComponent(name)}`;
}

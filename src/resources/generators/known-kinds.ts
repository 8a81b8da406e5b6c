/**
 * Built-in knowledge of the core kinds the generators build and the commands read, so that
 * `--dry-run=client -o yaml` works with no server and sending needs no discovery round trip.
 * (Discovery's REST mapper can replace the lookups here once it exists.)
 */

/** Where a kind lives in the API. */
export interface KnownKind {
  kind: string;
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
  /** Names and short names kubectl accepts for the resource on the command line. */
  aliases: readonly string[];
  /** Whether the resource has a /scale subresource (autoscale targets). */
  scalable?: boolean;
}

const core = (kind: string, resource: string, namespaced: boolean, ...aliases: string[]) =>
  ({ kind, group: '', version: 'v1', resource, namespaced, aliases }) satisfies KnownKind;

/** The kinds ktl knows without asking the server. */
export const KNOWN_KINDS: readonly KnownKind[] = [
  core('Pod', 'pods', true, 'pod', 'po'),
  core('Service', 'services', true, 'service', 'svc'),
  core('ConfigMap', 'configmaps', true, 'configmap', 'cm'),
  core('Secret', 'secrets', true, 'secret'),
  core('Namespace', 'namespaces', false, 'namespace', 'ns'),
  core('ServiceAccount', 'serviceaccounts', true, 'serviceaccount', 'sa'),
  core('ResourceQuota', 'resourcequotas', true, 'resourcequota', 'quota'),
  core('Node', 'nodes', false, 'node', 'no'),
  core('PersistentVolumeClaim', 'persistentvolumeclaims', true, 'persistentvolumeclaim', 'pvc'),
  core('PersistentVolume', 'persistentvolumes', false, 'persistentvolume', 'pv'),
  core('Endpoints', 'endpoints', true, 'endpoints', 'ep'),
  core('Event', 'events', true, 'event', 'ev'),
  core('LimitRange', 'limitranges', true, 'limitrange', 'limits'),
  {
    ...core('ReplicationController', 'replicationcontrollers', true, 'replicationcontroller', 'rc'),
    scalable: true,
  },
  apps('Deployment', 'deployments', 'deployment', 'deploy'),
  apps('ReplicaSet', 'replicasets', 'replicaset', 'rs'),
  apps('StatefulSet', 'statefulsets', 'statefulset', 'sts'),
  { ...apps('DaemonSet', 'daemonsets', 'daemonset', 'ds'), scalable: false },
  grouped('batch', 'Job', 'jobs', true, 'job'),
  grouped('batch', 'CronJob', 'cronjobs', true, 'cronjob', 'cj'),
  grouped('rbac.authorization.k8s.io', 'Role', 'roles', true, 'role'),
  grouped('rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', false, 'clusterrole'),
  grouped('rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings', true, 'rolebinding'),
  grouped(
    'rbac.authorization.k8s.io',
    'ClusterRoleBinding',
    'clusterrolebindings',
    false,
    'clusterrolebinding',
  ),
  grouped('scheduling.k8s.io', 'PriorityClass', 'priorityclasses', false, 'priorityclass', 'pc'),
  grouped(
    'policy',
    'PodDisruptionBudget',
    'poddisruptionbudgets',
    true,
    'poddisruptionbudget',
    'pdb',
  ),
  grouped('networking.k8s.io', 'Ingress', 'ingresses', true, 'ingress', 'ing'),
  grouped('networking.k8s.io', 'NetworkPolicy', 'networkpolicies', true, 'networkpolicy', 'netpol'),
  grouped('networking.k8s.io', 'IngressClass', 'ingressclasses', false, 'ingressclass'),
  {
    ...grouped('autoscaling', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, 'hpa'),
    version: 'v2',
    aliases: ['horizontalpodautoscaler', 'hpa'],
  },
  grouped('authentication.k8s.io', 'TokenRequest', 'tokenrequests', true),
  grouped('storage.k8s.io', 'StorageClass', 'storageclasses', false, 'storageclass', 'sc'),
  grouped('coordination.k8s.io', 'Lease', 'leases', true, 'lease'),
];

function apps(kind: string, resource: string, ...aliases: string[]): KnownKind {
  return { ...grouped('apps', kind, resource, true, ...aliases), scalable: true };
}

function grouped(
  group: string,
  kind: string,
  resource: string,
  namespaced: boolean,
  ...aliases: string[]
): KnownKind {
  return { kind, group, version: 'v1', resource, namespaced, aliases };
}

/** The known kind with this Kind name (and group, when given). */
export function kindByName(kind: string, group?: string): KnownKind | undefined {
  return KNOWN_KINDS.find((k) => k.kind === kind && (group === undefined || k.group === group));
}

/**
 * Resolves what a user typed for a resource type (`deploy`, `deployments.apps`,
 * `deployment.v1.apps`, `Pod`) to a known kind, as kubectl's shortcut-expanding mapper does.
 */
export function kindForResourceArg(arg: string): KnownKind | undefined {
  const lower = arg.toLowerCase();
  const [name = '', ...rest] = lower.split('.');
  const suffix = rest.join('.');
  return KNOWN_KINDS.find((k) => {
    const names = [k.resource, k.kind.toLowerCase(), ...k.aliases];
    if (!names.includes(name)) return false;
    if (suffix === '') return true;
    return suffix === k.group || suffix === `${k.version}.${k.group}` || suffix === k.version;
  });
}

/** The REST path of a collection (or of one object when name is given). */
export function resourcePath(kind: KnownKind, namespace: string, name?: string): string {
  const base = kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
  const ns = kind.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const tail = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  return `${base}${ns}/${kind.resource}${tail}`;
}

/** `apiVersion` text of a kind: `v1` or `apps/v1`. */
export function apiVersionOf(kind: KnownKind): string {
  return kind.group === '' ? kind.version : `${kind.group}/${kind.version}`;
}

/** kubectl's name-printer form of an object: `deployment.apps/web`, `pod/nginx`. */
export function printedName(kind: string, group: string, name: string): string {
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}

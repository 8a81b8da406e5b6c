import type { ResourceRef } from '../../resources/resource-ref.js';

/** A resource type and the names the user may call it by. */
export interface CatalogEntry {
  ref: ResourceRef;
  singular: string;
  shortNames: string[];
  verbs: string[];
}

const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

function entry(
  groupVersion: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[] = [],
): CatalogEntry {
  const slash = groupVersion.indexOf('/');
  const group = slash < 0 ? '' : groupVersion.slice(0, slash);
  const version = slash < 0 ? groupVersion : groupVersion.slice(slash + 1);
  return {
    ref: { group, version, resource, kind, namespaced },
    singular: kind.toLowerCase(),
    shortNames,
    verbs: ALL_VERBS,
  };
}

/** The common types, usable before (or without) discovery. */
export const BUILTIN_TYPES: CatalogEntry[] = [
  entry('v1', 'pods', 'Pod', true, ['po']),
  entry('apps/v1', 'deployments', 'Deployment', true, ['deploy']),
  entry('apps/v1', 'replicasets', 'ReplicaSet', true, ['rs']),
  entry('apps/v1', 'statefulsets', 'StatefulSet', true, ['sts']),
  entry('apps/v1', 'daemonsets', 'DaemonSet', true, ['ds']),
  entry('batch/v1', 'jobs', 'Job', true),
  entry('batch/v1', 'cronjobs', 'CronJob', true, ['cj']),
  entry('v1', 'services', 'Service', true, ['svc']),
  entry('v1', 'endpoints', 'Endpoints', true, ['ep']),
  entry('v1', 'configmaps', 'ConfigMap', true, ['cm']),
  entry('v1', 'secrets', 'Secret', true),
  entry('v1', 'serviceaccounts', 'ServiceAccount', true, ['sa']),
  entry('v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc']),
  entry('v1', 'persistentvolumes', 'PersistentVolume', false, ['pv']),
  entry('v1', 'events', 'Event', true, ['ev']),
  entry('v1', 'namespaces', 'Namespace', false, ['ns']),
  entry('v1', 'nodes', 'Node', false, ['no']),
  entry('networking.k8s.io/v1', 'ingresses', 'Ingress', true, ['ing']),
  entry('rbac.authorization.k8s.io/v1', 'roles', 'Role', true),
  entry('rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding', true),
  entry('rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', false),
  entry('rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  entry('apiextensions.k8s.io/v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, [
    'crd',
    'crds',
  ]),
];

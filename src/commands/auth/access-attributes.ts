import { PlainError } from '../../errors/errors.js';

/** spec of a SelfSubjectAccessReview. */
export interface AccessReviewSpec {
  resourceAttributes?: {
    namespace: string;
    verb: string;
    group: string;
    resource: string;
    subresource: string;
    name: string;
  };
  nonResourceAttributes?: { path: string; verb: string };
}

/**
 * Spellings kubectl's REST mapper would resolve for the common types (short names and
 * singulars to plural.group); others pass through as `resource[.group]` as given.
 */
const SHORTCUTS: Record<string, string> = {
  po: 'pods',
  pod: 'pods',
  svc: 'services',
  service: 'services',
  cm: 'configmaps',
  configmap: 'configmaps',
  secret: 'secrets',
  ns: 'namespaces',
  namespace: 'namespaces',
  no: 'nodes',
  node: 'nodes',
  sa: 'serviceaccounts',
  serviceaccount: 'serviceaccounts',
  pvc: 'persistentvolumeclaims',
  pv: 'persistentvolumes',
  ev: 'events',
  event: 'events',
  ep: 'endpoints',
  rc: 'replicationcontrollers',
  deploy: 'deployments.apps',
  deployment: 'deployments.apps',
  deployments: 'deployments.apps',
  rs: 'replicasets.apps',
  replicaset: 'replicasets.apps',
  replicasets: 'replicasets.apps',
  sts: 'statefulsets.apps',
  statefulset: 'statefulsets.apps',
  statefulsets: 'statefulsets.apps',
  ds: 'daemonsets.apps',
  daemonset: 'daemonsets.apps',
  daemonsets: 'daemonsets.apps',
  job: 'jobs.batch',
  jobs: 'jobs.batch',
  cj: 'cronjobs.batch',
  cronjob: 'cronjobs.batch',
  cronjobs: 'cronjobs.batch',
  ing: 'ingresses.networking.k8s.io',
  ingress: 'ingresses.networking.k8s.io',
  ingresses: 'ingresses.networking.k8s.io',
  role: 'roles.rbac.authorization.k8s.io',
  roles: 'roles.rbac.authorization.k8s.io',
  rolebinding: 'rolebindings.rbac.authorization.k8s.io',
  rolebindings: 'rolebindings.rbac.authorization.k8s.io',
  clusterrole: 'clusterroles.rbac.authorization.k8s.io',
  clusterroles: 'clusterroles.rbac.authorization.k8s.io',
  crd: 'customresourcedefinitions.apiextensions.k8s.io',
  crds: 'customresourcedefinitions.apiextensions.k8s.io',
};

/** Splits `resource[.group]` after expanding shortcuts. */
export function resourceAndGroup(text: string): { resource: string; group: string } {
  const expanded = SHORTCUTS[text.toLowerCase()] ?? text.toLowerCase();
  const dot = expanded.indexOf('.');
  if (dot < 0) return { resource: expanded, group: '' };
  return { resource: expanded.slice(0, dot), group: expanded.slice(dot + 1) };
}

/** Builds the review spec from `VERB TYPE[/NAME]` or `VERB /url`, as kubectl 1.34 does. */
export async function accessReviewSpec(
  args: readonly string[],
  namespace: string,
  subresource: string,
  resolve: (type: string) => Promise<{ resource: string; group: string }> = async (type) =>
    resourceAndGroup(type),
): Promise<AccessReviewSpec> {
  if (args.length !== 2)
    throw new PlainError(
      "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'ktl auth can-i -h' for help and examples.",
    );
  const [verb = '', what = ''] = args;
  if (what.startsWith('/')) {
    if (subresource !== '')
      throw new PlainError('--subresource can not be used with NonResourceURL');
    return { nonResourceAttributes: { path: what, verb } };
  }
  const [type = '', nameInType] = what.split(/\/(.*)/s);
  const { resource, group } = type === '*' ? { resource: '*', group: '' } : await resolve(type);
  return {
    resourceAttributes: {
      namespace,
      verb,
      group,
      resource,
      subresource,
      name: nameInType ?? '',
    },
  };
}

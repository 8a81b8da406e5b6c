/** API groups compiled into kubectl's scheme (client-go's kubernetes/scheme). */
const SCHEME_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'internal.apiserver.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

/**
 * Whether kubectl has a Go type for a group's kinds: decodes them typed (exec, logs) and
 * edits them with a strategic merge patch. CRDs and aggregated APIs are not.
 */
export function inKubectlScheme(group: string): boolean {
  return SCHEME_GROUPS.has(group);
}

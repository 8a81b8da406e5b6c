/** Where the types xray reads live on the server. */
import type { ResourceRef } from '../../../resources/resource-ref.js';

const ref = (group: string, resource: string, kind: string): ResourceRef => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced: true,
});

export const XRAY_REFS: Readonly<Record<string, ResourceRef>> = {
  deployments: ref('apps', 'deployments', 'Deployment'),
  statefulsets: ref('apps', 'statefulsets', 'StatefulSet'),
  daemonsets: ref('apps', 'daemonsets', 'DaemonSet'),
  replicasets: ref('apps', 'replicasets', 'ReplicaSet'),
  jobs: ref('batch', 'jobs', 'Job'),
  cronjobs: ref('batch', 'cronjobs', 'CronJob'),
  services: ref('', 'services', 'Service'),
  pods: ref('', 'pods', 'Pod'),
  configmaps: ref('', 'configmaps', 'ConfigMap'),
  secrets: ref('', 'secrets', 'Secret'),
  serviceaccounts: ref('', 'serviceaccounts', 'ServiceAccount'),
  persistentvolumeclaims: ref('', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
};

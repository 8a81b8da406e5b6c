/**
 * kustomize's built-in field specs (api/konfig/builtinpluginconsts, v5.7.1), restated in the
 * compact form `specs()` reads. They decide which fields namespace, labels, annotations,
 * name prefixes, images, replicas, vars and name references touch.
 */
import type { FieldSpec } from './field-spec.js';
import { specs } from './field-spec.js';

const POD_TEMPLATE_KINDS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'];

export const namePrefixSpecs: FieldSpec[] = specs('metadata/name *');

export const namespaceSpecs: FieldSpec[] = specs(`
  metadata/namespace * +
  metadata/name //Namespace +
  subjects[]/namespace //RoleBinding
  subjects[]/namespace //ClusterRoleBinding
  spec/service/namespace apiregistration.k8s.io//APIService +
  spec/conversion/webhook/clientConfig/service/namespace apiextensions.k8s.io//CustomResourceDefinition
`);

const AFFINITY = 'spec/template/spec/affinity';
const AFFINITY_SELECTORS = [
  `${AFFINITY}/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
  `${AFFINITY}/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
  `${AFFINITY}/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
  `${AFFINITY}/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

export const commonLabelSpecs: FieldSpec[] = specs(`
  metadata/labels * +
  spec/selector /v1/Service +
  spec/selector /v1/ReplicationController +
  spec/template/metadata/labels /v1/ReplicationController +
  spec/selector/matchLabels //Deployment +
  spec/template/metadata/labels //Deployment +
  ${AFFINITY_SELECTORS.map((p) => `${p} apps//Deployment`).join('\n')}
  spec/selector/matchLabels //ReplicaSet +
  spec/template/metadata/labels //ReplicaSet +
  spec/selector/matchLabels //DaemonSet +
  spec/template/metadata/labels //DaemonSet +
  spec/selector/matchLabels apps//StatefulSet +
  spec/template/metadata/labels apps//StatefulSet +
  ${AFFINITY_SELECTORS.map((p) => `${p} apps//StatefulSet`).join('\n')}
  spec/volumeClaimTemplates[]/metadata/labels apps//StatefulSet +
  spec/selector/matchLabels batch//Job
  spec/template/metadata/labels batch//Job +
  spec/jobTemplate/spec/selector/matchLabels batch//CronJob
  spec/jobTemplate/metadata/labels batch//CronJob +
  spec/jobTemplate/spec/template/metadata/labels batch//CronJob +
  spec/selector/matchLabels policy//PodDisruptionBudget
  spec/podSelector/matchLabels networking.k8s.io//NetworkPolicy
  spec/ingress/from/podSelector/matchLabels networking.k8s.io//NetworkPolicy
  spec/egress/to/podSelector/matchLabels networking.k8s.io//NetworkPolicy
`);

/** `labels` with includeTemplates: metadata and pod-template labels, no selectors. */
export const templateLabelSpecs: FieldSpec[] = specs(`
  metadata/labels * +
  spec/template/metadata/labels /v1/ReplicationController +
  spec/template/metadata/labels //Deployment +
  spec/template/metadata/labels //ReplicaSet +
  spec/template/metadata/labels //DaemonSet +
  spec/template/metadata/labels apps//StatefulSet +
  spec/volumeClaimTemplates[]/metadata/labels apps//StatefulSet +
  spec/template/metadata/labels batch//Job +
  spec/jobTemplate/metadata/labels batch//CronJob +
  spec/jobTemplate/spec/template/metadata/labels batch//CronJob +
`);

export const commonAnnotationSpecs: FieldSpec[] = specs(`
  metadata/annotations * +
  spec/template/metadata/annotations /v1/ReplicationController +
  spec/template/metadata/annotations //Deployment +
  spec/template/metadata/annotations //ReplicaSet +
  spec/template/metadata/annotations //DaemonSet +
  spec/template/metadata/annotations //StatefulSet +
  spec/template/metadata/annotations batch//Job +
  spec/jobTemplate/metadata/annotations batch//CronJob +
  spec/jobTemplate/spec/template/metadata/annotations batch//CronJob +
`);

export const replicaSpecs: FieldSpec[] = specs(`
  spec/replicas //Deployment +
  spec/replicas //ReplicationController +
  spec/replicas //ReplicaSet +
  spec/replicas //StatefulSet +
`);

const CONTAINER_VAR_FIELDS = ['args', 'command', 'env/value', 'volumeMounts/mountPath'];
function podVarSpecs(prefix: string, kind: string): string {
  const lines: string[] = [];
  for (const list of ['containers', 'initContainers'])
    for (const field of CONTAINER_VAR_FIELDS) lines.push(`${prefix}/${list}/${field} //${kind}`);
  lines.push(`${prefix}/volumes/nfs/server //${kind}`);
  return lines.join('\n');
}

export const varReferenceSpecs: FieldSpec[] = specs(`
  ${podVarSpecs('spec/jobTemplate/spec/template/spec', 'CronJob')}
  ${podVarSpecs('spec/template/spec', 'DaemonSet')}
  ${podVarSpecs('spec/template/spec', 'Deployment')}
  spec/rules/host //Ingress
  spec/tls/hosts //Ingress
  spec/tls/secretName //Ingress
  ${podVarSpecs('spec/template/spec', 'Job')}
  ${podVarSpecs('spec', 'Pod')}
  ${podVarSpecs('spec/template/spec', 'ReplicaSet')}
  spec/ports/port //Service
  spec/ports/targetPort //Service
  ${podVarSpecs('spec/template/spec', 'StatefulSet').replace(/spec\/template\/spec\/volumes\/nfs\/server/, 'spec/volumeClaimTemplates/spec/nfs/server')}
  spec/nfs/server //PersistentVolume
  metadata/labels *
  metadata/annotations *
`);

/** One nameReference entry: objects of `target` are referred to by name at `referrers`. */
export interface NameBackReference {
  target: { group: string; version: string; kind: string };
  referrers: FieldSpec[];
}

function podRefs(field: string, withPods = true): string {
  const lines = [];
  if (withPods) lines.push(`spec/${field} /v1/Pod`);
  for (const kind of POD_TEMPLATE_KINDS) lines.push(`spec/template/spec/${field} //${kind}`);
  lines.push(`spec/jobTemplate/spec/template/spec/${field} //CronJob`);
  return lines.join('\n');
}

const CONFIG_MAP_FIELDS = [
  'volumes/configMap/name',
  'containers/env/valueFrom/configMapKeyRef/name',
  'initContainers/env/valueFrom/configMapKeyRef/name',
  'containers/envFrom/configMapRef/name',
  'initContainers/envFrom/configMapRef/name',
  'volumes/projected/sources/configMap/name',
];
const SECRET_FIELDS = [
  'volumes/secret/secretName',
  'containers/env/valueFrom/secretKeyRef/name',
  'initContainers/env/valueFrom/secretKeyRef/name',
  'containers/envFrom/secretRef/name',
  'initContainers/envFrom/secretRef/name',
  'imagePullSecrets/name',
  'volumes/projected/sources/secret/name',
];

function ref(kind: string, group: string, version: string, table: string): NameBackReference {
  return { target: { group, version, kind }, referrers: specs(table) };
}

const HPA = 'spec/scaleTargetRef/name //HorizontalPodAutoscaler';
const WORKLOADS = ['ServiceAccount', 'PersistentVolumeClaim', 'PriorityClass'];
void WORKLOADS;

export const nameReferences: NameBackReference[] = [
  ref('Deployment', '', '', HPA),
  ref('ReplicationController', '', '', HPA),
  ref('ReplicaSet', '', '', HPA),
  ref('StatefulSet', '', '', HPA),
  ref(
    'ConfigMap',
    '',
    'v1',
    `${CONFIG_MAP_FIELDS.map((f) => podRefs(f)).join('\n')}
    spec/configSource/configMap //Node
    rules/resourceNames //Role
    rules/resourceNames //ClusterRole
    metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap //Ingress
    spec/template/spec/containers/env/valueFrom/configMapKeyRef/name serving.knative.dev/v1/Service
    spec/template/spec/containers/envFrom/configMapRef/name serving.knative.dev/v1/Service`,
  ),
  ref(
    'Secret',
    '',
    'v1',
    `${SECRET_FIELDS.map((f) => podRefs(f)).join('\n')}
    spec/tls/secretName //Ingress
    metadata/annotations/ingress.kubernetes.io\\/auth-secret //Ingress
    metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret //Ingress
    metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret //Ingress
    imagePullSecrets/name //ServiceAccount
    parameters/secretName //StorageClass
    parameters/adminSecretName //StorageClass
    parameters/userSecretName //StorageClass
    parameters/secretRef //StorageClass
    rules/resourceNames //Role
    rules/resourceNames //ClusterRole
    spec/template/spec/containers/env/valueFrom/secretKeyRef/name serving.knative.dev/v1/Service
    spec/azureFile/secretName //PersistentVolume`,
  ),
  ref(
    'Service',
    '',
    'v1',
    `spec/serviceName apps//StatefulSet
    spec/rules/http/paths/backend/serviceName //Ingress
    spec/backend/serviceName //Ingress
    spec/rules/http/paths/backend/service/name //Ingress
    spec/defaultBackend/service/name //Ingress
    spec/service/name apiregistration.k8s.io//APIService
    webhooks/clientConfig/service admissionregistration.k8s.io//ValidatingWebhookConfiguration
    webhooks/clientConfig/service admissionregistration.k8s.io//MutatingWebhookConfiguration`,
  ),
  ref(
    'Role',
    'rbac.authorization.k8s.io',
    '',
    'roleRef/name rbac.authorization.k8s.io//RoleBinding',
  ),
  ref(
    'ClusterRole',
    'rbac.authorization.k8s.io',
    '',
    `roleRef/name rbac.authorization.k8s.io//RoleBinding
    roleRef/name rbac.authorization.k8s.io//ClusterRoleBinding`,
  ),
  ref(
    'ServiceAccount',
    '',
    'v1',
    `subjects rbac.authorization.k8s.io//RoleBinding
    subjects rbac.authorization.k8s.io//ClusterRoleBinding
    spec/serviceAccountName //Pod
    spec/template/spec/serviceAccountName //StatefulSet
    spec/template/spec/serviceAccountName //Deployment
    spec/template/spec/serviceAccountName //ReplicationController
    spec/jobTemplate/spec/template/spec/serviceAccountName //CronJob
    spec/template/spec/serviceAccountName //Job
    spec/template/spec/serviceAccountName //DaemonSet`,
  ),
  ref(
    'PersistentVolumeClaim',
    '',
    'v1',
    `spec/volumes/persistentVolumeClaim/claimName //Pod
    spec/template/spec/volumes/persistentVolumeClaim/claimName //StatefulSet
    spec/template/spec/volumes/persistentVolumeClaim/claimName //Deployment
    spec/template/spec/volumes/persistentVolumeClaim/claimName //ReplicationController
    spec/jobTemplate/spec/template/spec/volumes/persistentVolumeClaim/claimName //CronJob
    spec/template/spec/volumes/persistentVolumeClaim/claimName //Job
    spec/template/spec/volumes/persistentVolumeClaim/claimName //DaemonSet`,
  ),
  ref(
    'PersistentVolume',
    '',
    'v1',
    `spec/volumeName //PersistentVolumeClaim
    rules/resourceNames //ClusterRole`,
  ),
  ref(
    'StorageClass',
    'storage.k8s.io',
    'v1',
    `spec/storageClassName //PersistentVolume
    spec/storageClassName //PersistentVolumeClaim
    spec/volumeClaimTemplates/spec/storageClassName //StatefulSet`,
  ),
  ref(
    'PriorityClass',
    'scheduling.k8s.io',
    'v1',
    `spec/priorityClassName //Pod
    spec/template/spec/priorityClassName //StatefulSet
    spec/template/spec/priorityClassName //Deployment
    spec/template/spec/priorityClassName //ReplicationController
    spec/jobTemplate/spec/template/spec/priorityClassName //CronJob
    spec/template/spec/priorityClassName //Job
    spec/template/spec/priorityClassName //DaemonSet`,
  ),
  ref('IngressClass', 'networking.k8s.io/v1', 'v1', 'spec/ingressClassName //Ingress'),
];

/**
 * The merge keys strategic merge patches need for built-in kinds, from the Kubernetes schema
 * kustomize embeds (kyaml's v1.21.2 OpenAPI). Only lists whose patch strategy is `merge` are
 * listed; every other list is replaced by the patch's list, and kinds missing here (custom
 * resources) have no schema at all, as in kustomize.
 */
import { parseApiVersion } from './gvk.js';

/** A node of the schema: its fields, and for a merged list its keys and element schema. */
export interface MergeSchema {
  fields?: Record<string, MergeSchema>;
  /** Set on a list with patch strategy merge: its keys (empty for a list of scalars). */
  mergeKeys?: string[];
  items?: MergeSchema;
}

function list(keys: string[], items?: MergeSchema): MergeSchema {
  return items ? { mergeKeys: keys, items } : { mergeKeys: keys };
}

const objectMeta: MergeSchema = {
  fields: { finalizers: list([]), ownerReferences: list(['uid']) },
};

const container: MergeSchema = {
  fields: {
    ports: list(['containerPort', 'protocol']),
    env: list(['name']),
    volumeMounts: list(['mountPath']),
    volumeDevices: list(['devicePath']),
  },
};

const podSpec: MergeSchema = {
  fields: {
    containers: list(['name'], container),
    initContainers: list(['name'], container),
    ephemeralContainers: list(['name'], container),
    volumes: list(['name']),
    imagePullSecrets: list(['name']),
    hostAliases: list(['ip']),
    topologySpreadConstraints: list(['topologyKey', 'whenUnsatisfiable']),
  },
};

const podTemplate: MergeSchema = { fields: { metadata: objectMeta, spec: podSpec } };
const withTemplate: MergeSchema = {
  fields: { metadata: objectMeta, spec: { fields: { template: podTemplate } } },
};
const job: MergeSchema = withTemplate;
const cronJob: MergeSchema = {
  fields: {
    metadata: objectMeta,
    spec: {
      fields: {
        jobTemplate: {
          fields: { metadata: objectMeta, spec: { fields: { template: podTemplate } } },
        },
      },
    },
  },
};
const metaOnly: MergeSchema = { fields: { metadata: objectMeta } };

const KINDS: Record<string, MergeSchema> = {
  'v1/Pod': { fields: { metadata: objectMeta, spec: podSpec } },
  'v1/PodTemplate': { fields: { metadata: objectMeta, template: podTemplate } },
  'v1/ReplicationController': withTemplate,
  'apps/v1/Deployment': withTemplate,
  'apps/v1/ReplicaSet': withTemplate,
  'apps/v1/StatefulSet': withTemplate,
  'apps/v1/DaemonSet': withTemplate,
  'apps/v1beta1/Deployment': withTemplate,
  'apps/v1beta2/Deployment': withTemplate,
  'extensions/v1beta1/Deployment': withTemplate,
  'extensions/v1beta1/DaemonSet': withTemplate,
  'batch/v1/Job': job,
  'batch/v1/CronJob': cronJob,
  'batch/v1beta1/CronJob': cronJob,
  'v1/Service': {
    fields: { metadata: objectMeta, spec: { fields: { ports: list(['port', 'protocol']) } } },
  },
};

/** Built-in kinds of the 1.21 schema with no merged lists beyond metadata. */
const META_ONLY = [
  'v1/ConfigMap',
  'v1/Secret',
  'v1/ServiceAccount',
  'v1/Namespace',
  'v1/PersistentVolumeClaim',
  'v1/PersistentVolume',
  'v1/Endpoints',
  'v1/LimitRange',
  'v1/ResourceQuota',
  'v1/Node',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1/IngressClass',
  'policy/v1/PodDisruptionBudget',
  'policy/v1beta1/PodDisruptionBudget',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'autoscaling/v2beta2/HorizontalPodAutoscaler',
  'storage.k8s.io/v1/StorageClass',
  'scheduling.k8s.io/v1/PriorityClass',
  'apiextensions.k8s.io/v1/CustomResourceDefinition',
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration',
  'apiregistration.k8s.io/v1/APIService',
  'coordination.k8s.io/v1/Lease',
  'node.k8s.io/v1/RuntimeClass',
];
for (const key of META_ONLY) KINDS[key] = metaOnly;

let custom: Record<string, MergeSchema> | undefined;

/** The schema of an object type, or undefined when kustomize has none (custom resources). */
export function schemaFor(apiVersion: string, kind: string): MergeSchema | undefined {
  const { group, version } = parseApiVersion(apiVersion);
  const key = group === '' ? `${version}/${kind}` : `${group}/${version}/${kind}`;
  return (custom ?? KINDS)[key];
}

/**
 * Replaces the built-in schema by one from a kustomization's `openapi: {path: ...}` for the
 * rest of a build (kustomize's openapi.SetSchema), or restores it (undefined).
 */
export function setCustomSchemas(schemas: Record<string, MergeSchema> | undefined): void {
  custom = schemas;
}

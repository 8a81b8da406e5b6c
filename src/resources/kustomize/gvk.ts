import type { JsonObject } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';

/** Group, version and kind of an object or of a field spec (empty = any). */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** Splits an apiVersion into group and version (`v1` has no group). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Gvks by apiVersion, then kind: ids are computed very often, and this builds no key string. */
const gvkCache = new Map<string, Map<string, Gvk>>();

/** The gvk of an object (cached: ids are computed very often). */
export function gvkOf(object: JsonObject): Gvk {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  let byKind = gvkCache.get(apiVersion);
  if (!byKind) {
    byKind = new Map();
    gvkCache.set(apiVersion, byKind);
  }
  let gvk = byKind.get(kind);
  if (!gvk) {
    gvk = Object.freeze({ ...parseApiVersion(apiVersion), kind });
    byKind.set(kind, gvk);
  }
  return gvk;
}

export function apiVersionOf(gvk: Gvk): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

export function gvkEquals(a: Gvk, b: Gvk): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/** Gvk.IsSelected: every non-empty part of the selector must match. */
export function gvkSelected(gvk: Gvk, selector: Partial<Gvk>): boolean {
  if (selector.group && selector.group !== gvk.group) return false;
  if (selector.version && selector.version !== gvk.version) return false;
  if (selector.kind && selector.kind !== gvk.kind) return false;
  return true;
}

/** kustomize's Gvk.String(): `Kind.version.group` with `[noGrp]`/`[noVer]`/`[noKind]` fillers. */
export function gvkString(gvk: Gvk): string {
  return `${gvk.kind || '[noKind]'}.${gvk.version || '[noVer]'}.${gvk.group || '[noGrp]'}`;
}

/**
 * Cluster-scoped kinds of the built-in API (kyaml decides scope from its embedded schema); a
 * kind not listed is namespaced, as kustomize assumes for custom resources.
 */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'SelfSubjectReview',
  'StorageClass',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
  'VolumeAttributesClass',
  'IPAddress',
  'ServiceCIDR',
  'DeviceClass',
  'ResourceSlice',
  'StorageVersion',
  'StorageVersionMigration',
]);

export function isClusterScoped(gvk: Gvk): boolean {
  return CLUSTER_SCOPED.has(gvk.kind);
}

/** The namespace used to compare ids: `default` for an empty one, none for cluster kinds. */
export function effectiveNamespace(gvk: Gvk, namespace: string): string {
  if (isClusterScoped(gvk)) return '_non_namespaceable_';
  return namespace === '' ? 'default' : namespace;
}

/** A resource id: gvk, name and namespace. */
export interface ResId {
  gvk: Gvk;
  name: string;
  namespace: string;
}

export function resIdEquals(a: ResId, b: ResId): boolean {
  return (
    a.name === b.name &&
    gvkEquals(a.gvk, b.gvk) &&
    effectiveNamespace(a.gvk, a.namespace) === effectiveNamespace(b.gvk, b.namespace)
  );
}

/** kustomize's ResId.String(): `Kind.version.group/name.namespace`. */
export function resIdString(id: ResId): string {
  return `${gvkString(id.gvk)}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

export function metadataOf(object: JsonObject): JsonObject {
  const metadata = object['metadata'];
  return isJsonObject(metadata) ? metadata : {};
}

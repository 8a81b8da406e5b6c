/**
 * The discovery documents as the API server serves them and as client-go keeps them on disk
 * (meta/v1 APIGroupList, APIResourceList, APIVersions), plus the aggregated
 * apidiscovery.k8s.io APIGroupDiscoveryList.
 */

/** One group-version of a group (`{"groupVersion":"apps/v1","version":"v1"}`). */
export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

/** A group and its versions; the core group has the name "". */
export interface APIGroup {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
  serverAddressByClientCIDRs?: unknown[];
}

/** The body of /apis (and servergroups.json). */
export interface APIGroupList {
  kind?: string;
  apiVersion?: string;
  groups: APIGroup[];
}

/** One resource (or `parent/sub` subresource) of a group-version. */
export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[] | null;
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

/** The body of /apis/<group>/<version> (and serverresources.json). */
export interface APIResourceList {
  kind?: string;
  apiVersion?: string;
  groupVersion: string;
  resources: APIResource[] | null;
}

/** The legacy body of /api. */
export interface APIVersions {
  kind?: string;
  versions: string[];
  serverAddressByClientCIDRs?: unknown[];
}

/** A group, version and kind, as in responseKind and x-kubernetes-group-version-kind. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** apidiscovery.k8s.io APISubresourceDiscovery. */
export interface AggregatedSubresource {
  subresource: string;
  responseKind?: GroupVersionKind;
  acceptedTypes?: GroupVersionKind[];
  verbs?: string[] | null;
}

/** apidiscovery.k8s.io APIResourceDiscovery. */
export interface AggregatedResource {
  resource: string;
  responseKind?: GroupVersionKind;
  scope: string;
  singularResource?: string;
  verbs?: string[] | null;
  shortNames?: string[];
  categories?: string[];
  subresources?: AggregatedSubresource[];
}

/** apidiscovery.k8s.io APIVersionDiscovery. */
export interface AggregatedVersion {
  version: string;
  resources?: AggregatedResource[];
  freshness?: string;
}

/** apidiscovery.k8s.io APIGroupDiscoveryList (the aggregated body of /api and /apis). */
export interface AggregatedDiscoveryList {
  kind?: string;
  apiVersion?: string;
  items?: Array<{ metadata?: { name?: string }; versions?: AggregatedVersion[] }>;
}

/** Groups with the resources of each group-version, and the group-versions that failed. */
export interface DiscoverySnapshot {
  groups: APIGroup[];
  /** Resource lists keyed by group-version string ("v1", "apps/v1"), in discovery order. */
  resources: Map<string, APIResourceList>;
  /** Group-versions that could not be read, with the reason (kubectl reports these). */
  failed: Map<string, string>;
}

/** "apps/v1" for a group and version, "v1" for the core group. */
export function groupVersionString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** Splits "apps/v1" into group and version ("v1" is the core group). */
export function parseGroupVersion(groupVersion: string): { group: string; version: string } {
  const slash = groupVersion.indexOf('/');
  if (slash < 0) return { group: '', version: groupVersion };
  return { group: groupVersion.slice(0, slash), version: groupVersion.slice(slash + 1) };
}

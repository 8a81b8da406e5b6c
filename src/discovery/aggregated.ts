import type {
  AggregatedDiscoveryList,
  AggregatedResource,
  AggregatedSubresource,
  APIGroup,
  APIResource,
  APIResourceList,
  GroupVersionForDiscovery,
} from './types.js';
import { groupVersionString } from './types.js';

/** The Accept header client-go 1.30–1.36 sends to /api and /apis. */
export const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,' +
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,' +
  'application/json';

/** Whether a response Content-Type is an aggregated discovery document (v2 or v2beta1). */
export function isAggregatedContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [base = '', ...rest] = contentType.split(';').map((part) => part.trim());
  if (base.toLowerCase() !== 'application/json') return false;
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0)
      params.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  const version = params.get('v');
  return (
    params.get('g') === 'apidiscovery.k8s.io' &&
    (version === 'v2' || version === 'v2beta1') &&
    params.get('as') === 'APIGroupDiscoveryList'
  );
}

/** Groups, resource lists and stale group-versions from one aggregated document. */
export interface ConvertedAggregated {
  groups: APIGroup[];
  resources: Map<string, APIResourceList>;
  failed: Map<string, string>;
}

/** Converts an aggregated document to legacy groups and resource lists (client-go's rules). */
export function convertAggregated(list: AggregatedDiscoveryList): ConvertedAggregated {
  const result: ConvertedAggregated = { groups: [], resources: new Map(), failed: new Map() };
  for (const item of list.items ?? []) {
    const name = item.metadata?.name ?? '';
    const versions: GroupVersionForDiscovery[] = [];
    for (const version of item.versions ?? []) {
      const groupVersion = groupVersionString(name, version.version);
      if (version.freshness === 'Stale') {
        result.failed.set(groupVersion, `stale GroupVersion discovery: ${groupVersion}`);
        continue;
      }
      versions.push({ groupVersion, version: version.version });
      result.resources.set(groupVersion, {
        groupVersion,
        resources: convertResources(version.resources ?? []),
      });
    }
    const preferred = versions[0] ?? { groupVersion: '', version: '' };
    result.groups.push({ name, versions, preferredVersion: preferred });
  }
  return result;
}

function convertResources(resources: AggregatedResource[]): APIResource[] | null {
  const out: APIResource[] = [];
  for (const resource of resources) {
    const parent = convertResource(resource);
    if (resource.responseKind) out.push(parent);
    for (const sub of resource.subresources ?? []) {
      const converted = convertSubresource(parent, sub);
      if (converted) out.push(converted);
    }
  }
  return out.length === 0 ? null : out;
}

function convertResource(resource: AggregatedResource): APIResource {
  const converted: APIResource = {
    name: resource.resource,
    singularName: resource.singularResource ?? '',
    namespaced: resource.scope === 'Namespaced',
    kind: resource.responseKind?.kind ?? '',
    verbs: resource.verbs ?? null,
  };
  if (resource.responseKind?.group) converted.group = resource.responseKind.group;
  if (resource.responseKind?.version) converted.version = resource.responseKind.version;
  if (resource.shortNames?.length) converted.shortNames = resource.shortNames;
  if (resource.categories?.length) converted.categories = resource.categories;
  return converted;
}

function convertSubresource(parent: APIResource, sub: AggregatedSubresource): APIResource | null {
  if (!sub.responseKind) return null;
  const converted: APIResource = {
    name: `${parent.name}/${sub.subresource}`,
    singularName: parent.singularName,
    namespaced: parent.namespaced,
    kind: sub.responseKind.kind,
    verbs: sub.verbs ?? null,
  };
  if (sub.responseKind.group) converted.group = sub.responseKind.group;
  if (sub.responseKind.version) converted.version = sub.responseKind.version;
  return converted;
}

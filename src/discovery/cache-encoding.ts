import { goJson } from '../util/go-json.js';
import type { APIGroup, APIGroupList, APIResource, APIResourceList } from './types.js';

/**
 * Encodes discovery documents byte for byte as client-go writes them to the disk cache
 * (runtime.Encode with the legacy codec: Go struct field order, omitempty, HTML-escaped,
 * trailing newline), so kubectl and ktl can share one cache.
 */

/** servergroups.json content. */
export function encodeGroupList(list: APIGroupList): string {
  return (
    goJson({ kind: 'APIGroupList', apiVersion: 'v1', groups: list.groups.map(orderGroup) }) + '\n'
  );
}

/** serverresources.json content. */
export function encodeResourceList(list: APIResourceList): string {
  const body = {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: list.groupVersion,
    resources: list.resources === null ? null : list.resources.map(orderResource),
  };
  return goJson(body) + '\n';
}

function orderGroup(group: APIGroup): object {
  const ordered: Record<string, unknown> = {
    name: group.name,
    versions: group.versions.map((v) => ({ groupVersion: v.groupVersion, version: v.version })),
    preferredVersion: {
      groupVersion: group.preferredVersion.groupVersion,
      version: group.preferredVersion.version,
    },
  };
  if (group.serverAddressByClientCIDRs?.length)
    ordered['serverAddressByClientCIDRs'] = group.serverAddressByClientCIDRs;
  return ordered;
}

function orderResource(resource: APIResource): object {
  const ordered: Record<string, unknown> = {
    name: resource.name,
    singularName: resource.singularName,
    namespaced: resource.namespaced,
  };
  if (resource.group) ordered['group'] = resource.group;
  if (resource.version) ordered['version'] = resource.version;
  ordered['kind'] = resource.kind;
  ordered['verbs'] = resource.verbs;
  if (resource.shortNames?.length) ordered['shortNames'] = resource.shortNames;
  if (resource.categories?.length) ordered['categories'] = resource.categories;
  if (resource.storageVersionHash) ordered['storageVersionHash'] = resource.storageVersionHash;
  return ordered;
}

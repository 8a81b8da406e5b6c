import type { APIResource, DiscoverySnapshot } from './types.js';
import { groupVersionString } from './types.js';

/** A resource with the group and group-version it was picked from. */
export interface PreferredResource {
  group: string;
  groupVersion: string;
  resource: APIResource;
}

/**
 * client-go's ServerPreferredResources: each group's resources from its preferred version,
 * plus resources that exist only in other versions (first version listing them wins);
 * subresources are left out.
 */
export function preferredResources(snapshot: DiscoverySnapshot): PreferredResource[] {
  const chosen = new Map<string, PreferredResource>();
  for (const group of snapshot.groups) {
    for (const version of group.versions) {
      const groupVersion = version.groupVersion || groupVersionString(group.name, version.version);
      const list = snapshot.resources.get(groupVersion);
      if (!list) continue;
      for (const resource of list.resources ?? []) {
        if (resource.name.includes('/')) continue;
        const key = `${group.name}/${resource.name}`;
        if (chosen.has(key) && version.version !== group.preferredVersion.version) continue;
        chosen.set(key, { group: group.name, groupVersion, resource });
      }
    }
  }
  return [...chosen.values()];
}

import type { Factory } from '../../commands/factory.js';
import { parseGroupVersion, preferredResources } from '../../discovery/index.js';
import type { CatalogEntry } from './builtin-types.js';

/**
 * Every listable and watchable resource type the server offers (CRDs included), each in its
 * group's preferred version, from the factory's discovery (kubectl's disk cache when fresh).
 * `refresh` drops the cache first (a type the user asked for may be new).
 */
export async function discoverTypes(factory: Factory, refresh = false): Promise<CatalogEntry[]> {
  const discovery = await factory.discovery();
  if (refresh) discovery.invalidate();
  const snapshot = await discovery.snapshot();
  const entries: CatalogEntry[] = [];
  for (const { groupVersion, resource } of preferredResources(snapshot)) {
    const verbs = resource.verbs ?? [];
    if (!verbs.includes('list') || !verbs.includes('watch')) continue;
    const { group, version } = parseGroupVersion(groupVersion);
    entries.push({
      ref: {
        group,
        version,
        resource: resource.name,
        kind: resource.kind,
        namespaced: resource.namespaced,
      },
      singular: resource.singularName || resource.kind.toLowerCase(),
      shortNames: resource.shortNames ?? [],
      verbs,
    });
  }
  return entries;
}

import type { DiscoveryClient } from '../../discovery/index.js';
import { preferredResources } from '../../discovery/index.js';

/**
 * The names `:` completes, from discovery (CRDs included): every listable and watchable type's
 * plural name, sorted, then its singular and short names. Only suggestions: what a typed name
 * means is always the REST mapper's answer.
 */
export async function completionNames(discovery: DiscoveryClient): Promise<string[]> {
  const snapshot = await discovery.snapshot();
  const plural = new Set<string>();
  const others = new Set<string>();
  for (const { group, resource } of preferredResources(snapshot)) {
    const verbs = resource.verbs ?? [];
    if (!verbs.includes('list') || !verbs.includes('watch')) continue;
    plural.add(resource.name);
    const names = [resource.singularName, ...(resource.shortNames ?? [])];
    if (group !== '') names.push(`${resource.name}.${group}`);
    for (const name of names) if (name) others.add(name);
  }
  const rest = [...others].filter((n) => !plural.has(n)).sort();
  return [...[...plural].sort(), ...rest];
}

import type { ConfigFlags } from '../../config/config-flags.js';
import type { DiscoveryClient, ResourceMapping } from '../../discovery/index.js';
import { collectionPath } from '../../resources/resource-ref.js';
import type { Factory } from '../../runtime/factory.js';
import { NAMES_TTL_MS, NamesCache } from './names-cache.js';
import type { CompletionSources } from './sources.js';

/** The bound on a names request while the user waits on TAB. */
export const NAMES_TIMEOUT_MS = 2_000;

const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';

interface NameList {
  items?: Array<{ metadata?: { name?: string } }>;
}

/**
 * Completion sources backed by the kubeconfig, the discovery disk cache (types never touch
 * the network) and metadata-only list requests bounded by a short timeout, whose answers are
 * kept briefly on disk; with no server, the last known names are offered.
 */
export function factorySources(factory: Factory, allNamespaces: boolean): CompletionSources {
  const kubeNames = async (kind: 'contexts' | 'clusters' | 'users'): Promise<string[]> =>
    [...(await factory.kubeConfig())[kind].keys()].sort();

  return {
    contexts: () => kubeNames('contexts'),
    clusters: () => kubeNames('clusters'),
    users: () => kubeNames('users'),
    async resourceTypes() {
      const discovery = await factory.discovery('cache-only');
      return typeNames(await discovery.snapshot().catch(() => undefined));
    },
    async namespaces() {
      return names(
        factory,
        { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false },
        undefined,
      );
    },
    async resourceNames(type: string) {
      // Names need the server anyway: like kubectl, the mapping may fetch discovery (bounded
      // by the completion timeout) when the cache is empty, e.g. on the first TAB after install.
      const restMapper = await factory.restMapper();
      const mapping = await restMapper.mappingFor(type).catch(() => undefined);
      if (!mapping) return [];
      const namespace =
        mapping.namespaced && !allNamespaces ? (await factory.namespace()).namespace : undefined;
      return names(factory, mapping, namespace);
    },
    async containers(pod: string) {
      const client = await factory.client();
      const { namespace } = await factory.namespace();
      const object = await client.json<{
        spec?: { initContainers?: Array<{ name: string }>; containers?: Array<{ name: string }> };
      }>({
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`,
      });
      return [...(object.spec?.initContainers ?? []), ...(object.spec?.containers ?? [])].map(
        (c) => c.name,
      );
    },
  };
}

function typeNames(
  snapshot: Awaited<ReturnType<DiscoveryClient['snapshot']>> | undefined,
): string[] {
  if (!snapshot) return [];
  const seen = new Set<string>();
  for (const [groupVersion, list] of snapshot.resources) {
    const group = groupVersion.includes('/')
      ? groupVersion.slice(0, groupVersion.indexOf('/'))
      : '';
    for (const resource of list.resources ?? []) {
      if (resource.name.includes('/') || !(resource.verbs ?? []).includes('get')) continue;
      seen.add(group ? `${resource.name}.${group}` : resource.name);
    }
  }
  return [...seen].sort();
}

async function names(
  factory: Factory,
  mapping: Pick<ResourceMapping, 'group' | 'version' | 'resource' | 'kind' | 'namespaced'>,
  namespace: string | undefined,
): Promise<string[]> {
  const config = await factory.restConfig();
  const cache = new NamesCache(factory.cacheDir(), config.host);
  const key = `${namespace ?? '_all'}/${mapping.resource}.${mapping.group}`;
  const cached = await cache.read(key);
  if (cached && cached.ageMs < NAMES_TTL_MS) return cached.names;
  try {
    const client = await factory.client();
    const signal = AbortSignal.timeout(NAMES_TIMEOUT_MS);
    const list = await client.json<NameList>({
      path: collectionPath(mapping, namespace),
      query: { limit: 1000 },
      accept: METADATA_ACCEPT,
      signal,
    });
    const fresh = (list.items ?? []).map((item) => item.metadata?.name ?? '').filter(Boolean);
    await cache.write(key, fresh);
    return fresh;
  } catch {
    return cached?.names ?? [];
  }
}

/** ConfigFlags for completion: the user's flags, with a bound on every request. */
export function completionFlags(flags: ConfigFlags): ConfigFlags {
  return {
    ...flags,
    requestTimeout:
      flags.requestTimeout && flags.requestTimeout !== '0' ? flags.requestTimeout : '2s',
  };
}

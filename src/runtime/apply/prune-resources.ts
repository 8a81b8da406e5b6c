/**
 * Which kinds `apply --prune` (and `diff --prune`) look at: kubectl's default allow-list (util/prune/prune.go) or
 * the kinds of --prune-allowlist, each resolved to its REST mapping.
 */
import type { ResourceMapping, RestMapper } from '../../discovery/index.js';
import { PlainError } from '../../errors/errors.js';

/** One allow-listed kind, as prune.Resource holds it. */
export interface PruneResource {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

const core = (kind: string, namespaced = true): PruneResource => ({
  group: '',
  version: 'v1',
  kind,
  namespaced,
});
const of = (group: string, kind: string): PruneResource => ({
  group,
  version: 'v1',
  kind,
  namespaced: true,
});

/** kubectl's defaultNamespacedPruneResources then defaultNonNamespacedPruneResources, in order. */
export const DEFAULT_PRUNE_RESOURCES: readonly PruneResource[] = [
  core('ConfigMap'),
  core('Endpoints'),
  core('PersistentVolumeClaim'),
  core('Pod'),
  core('ReplicationController'),
  core('Secret'),
  core('Service'),
  of('batch', 'Job'),
  of('batch', 'CronJob'),
  of('networking.k8s.io', 'Ingress'),
  of('apps', 'DaemonSet'),
  of('apps', 'Deployment'),
  of('apps', 'ReplicaSet'),
  of('apps', 'StatefulSet'),
  core('Namespace', false),
  core('PersistentVolume', false),
];

/** kubectl's warning when the default allow-list (with its cluster-scoped kinds) is used. */
export const DEFAULT_LIST_WARNING =
  'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.';

/** prune.ParseResources: `group/version/kind` values (`core` for the empty group), checked. */
export async function parseAllowlist(
  mapper: RestMapper,
  values: readonly string[],
): Promise<PruneResource[]> {
  const resources: PruneResource[] = [];
  for (const value of values) {
    const parts = value.split('/');
    if (parts.length !== 3)
      throw new PlainError(
        `invalid GroupVersionKind format: ${value}, please follow <group/version/kind>`,
      );
    const group = parts[0] === 'core' ? '' : (parts[0] ?? '');
    const version = parts[1] ?? '';
    const kind = parts[2] ?? '';
    const mapping = await mapper.mappingForGVK({ group, version, kind });
    resources.push({ group, version, kind, namespaced: mapping.namespaced });
  }
  return resources;
}

/** The mappings to list, split by scope (prune.GetRESTMappings). */
export interface PruneMappings {
  namespaced: ResourceMapping[];
  clusterScoped: ResourceMapping[];
}

/** Resolves the allow-list; an unserved kind is kubectl's `invalid resource` error. */
export async function pruneMappings(
  mapper: RestMapper,
  resources: readonly PruneResource[],
): Promise<PruneMappings> {
  const result: PruneMappings = { namespaced: [], clusterScoped: [] };
  for (const resource of resources) {
    let mapping: ResourceMapping;
    try {
      mapping = await mapper.mappingForGVK(resource);
    } catch (error) {
      const text = `${resource.group}/${resource.version}, Kind=${resource.kind}, Namespaced=${resource.namespaced}`;
      throw new PlainError(
        `error retrieving RESTMappings to prune: invalid resource ${text}: ${(error as Error).message}`,
      );
    }
    (resource.namespaced ? result.namespaced : result.clusterScoped).push(mapping);
  }
  return result;
}

/** GroupVersionKind.String(): `apps/v1, Kind=Deployment`, `/v1, Kind=ConfigMap`. */
export function gvkString(mapping: ResourceMapping): string {
  return `${mapping.group}/${mapping.version}, Kind=${mapping.kind}`;
}

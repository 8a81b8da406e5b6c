import { discoveryCacheDir } from './cache-path.js';
import { readCompactIndex, writeCompactIndex } from './compact-index.js';
import { DiskCache } from './disk-cache.js';
import type { DiscoveryHttp, LiveGroups } from './fetch-live.js';
import { fetchGroups, fetchResourceList } from './fetch-live.js';
import { encodeGroupList, encodeResourceList } from './cache-encoding.js';
import type { APIGroup, APIGroupList, APIResourceList, DiscoverySnapshot } from './types.js';
import { groupVersionString } from './types.js';

/** How to build a DiscoveryClient. */
export interface DiscoveryClientOptions {
  /** The HTTP client, asked for only when the cache cannot answer. */
  http: () => Promise<DiscoveryHttp>;
  /** The cache root (--cache-dir, KUBECACHEDIR or ~/.kube/cache). */
  cacheRoot: string;
  /** The server URL from the kubeconfig (names the per-server cache directory). */
  host: string;
  ttlMs?: number;
}

/**
 * kubectl's cached discovery client: groups and resources from
 * `<cache>/discovery/<host>/` when fresh enough, otherwise from the server (aggregated
 * discovery when /api and /apis both support it, else the per-group-version walk), written
 * back in client-go's format.
 */
export class DiscoveryClient {
  readonly cache: DiskCache;
  private readonly options: DiscoveryClientOptions;
  private groupsPromise: Promise<LiveOrCached> | undefined;
  private snapshotPromise: Promise<DiscoverySnapshot> | undefined;

  constructor(options: DiscoveryClientOptions) {
    this.options = options;
    this.cache = new DiskCache(discoveryCacheDir(options.cacheRoot, options.host), options.ttlMs);
  }

  /** The server's groups in discovery order (the core group first, named ""). */
  async serverGroups(): Promise<APIGroup[]> {
    return (await this.groups()).groups;
  }

  /** Groups and the resources of every group-version; failed group-versions are listed. */
  snapshot(): Promise<DiscoverySnapshot> {
    this.snapshotPromise ??= this.loadSnapshot();
    return this.snapshotPromise;
  }

  /** Forget what was read; only data fetched by this process is used from now on. */
  invalidate(): void {
    this.cache.invalidate();
    this.groupsPromise = undefined;
    this.snapshotPromise = undefined;
  }

  /** Whether everything used so far came from the server in this process. */
  fresh(): boolean {
    return this.cache.fresh();
  }

  private groups(): Promise<LiveOrCached> {
    this.groupsPromise ??= this.loadGroups();
    return this.groupsPromise;
  }

  private async loadGroups(): Promise<LiveOrCached> {
    const cached = parseJson<APIGroupList>(await this.cache.read('servergroups.json'));
    if (cached && Array.isArray(cached.groups)) {
      return { groups: cached.groups, resources: undefined, failed: new Map() };
    }
    const live = await fetchGroups(await this.options.http());
    await this.writeLive(live);
    return live;
  }

  private async writeLive(live: LiveGroups): Promise<void> {
    if (live.groups.length === 0) return;
    const writes = [
      this.cache.write('servergroups.json', encodeGroupList({ groups: live.groups })),
    ];
    for (const [groupVersion, list] of live.resources ?? []) {
      writes.push(this.cache.write(resourcesFile(groupVersion), encodeResourceList(list)));
    }
    await Promise.all(writes);
  }

  private async loadSnapshot(): Promise<DiscoverySnapshot> {
    const indexed = await readCompactIndex(this.cache);
    if (indexed) return indexed;
    const snapshot = await this.assembleSnapshot();
    await writeCompactIndex(this.cache, snapshot);
    return snapshot;
  }

  private async assembleSnapshot(): Promise<DiscoverySnapshot> {
    const { groups, resources, failed } = await this.groups();
    const ordered = new Map<string, APIResourceList>();
    const lists = await Promise.all(
      groupVersionsOf(groups).map(async (groupVersion) => {
        const known = resources?.get(groupVersion);
        if (known) return { groupVersion, list: known };
        return this.resourcesFor(groupVersion, failed);
      }),
    );
    for (const { groupVersion, list } of lists) if (list) ordered.set(groupVersion, list);
    return { groups, resources: ordered, failed };
  }

  private async resourcesFor(
    groupVersion: string,
    failed: Map<string, string>,
  ): Promise<{ groupVersion: string; list: APIResourceList | undefined }> {
    const file = resourcesFile(groupVersion);
    const cached = parseJson<APIResourceList>(await this.cache.read(file));
    if (cached && typeof cached.groupVersion === 'string') return { groupVersion, list: cached };
    try {
      const list = await fetchResourceList(await this.options.http(), groupVersion);
      if (list.resources?.length) await this.cache.write(file, encodeResourceList(list));
      return { groupVersion, list };
    } catch (error) {
      failed.set(groupVersion, error instanceof Error ? error.message : String(error));
      return { groupVersion, list: undefined };
    }
  }
}

type LiveOrCached = LiveGroups;

/** Every group-version of the groups, in discovery order. */
export function groupVersionsOf(groups: readonly APIGroup[]): string[] {
  return groups.flatMap((group) =>
    group.versions.map((v) => v.groupVersion || groupVersionString(group.name, v.version)),
  );
}

/** `apps/v1/serverresources.json`, `v1/serverresources.json`. */
function resourcesFile(groupVersion: string): string {
  return `${groupVersion}/serverresources.json`;
}

function parseJson<T>(content: Buffer | undefined): T | undefined {
  if (!content) return undefined;
  try {
    return JSON.parse(content.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** kubectl's message for group-versions that could not be read (ErrGroupDiscoveryFailed). */
export function discoveryFailureMessage(failed: ReadonlyMap<string, string>): string {
  const parts = [...failed].map(([gv, reason]) => `${gv}: ${reason}`).sort();
  return `unable to retrieve the complete list of server APIs: ${parts.join(', ')}`;
}

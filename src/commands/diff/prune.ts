/**
 * `diff --prune` (kubectl's cmd/diff/prune.go): after the objects are diffed, every allow-listed
 * object in the namespaces diffed (and cluster-wide for cluster-scoped kinds) that matches -l,
 * carries the last-applied annotation and was not among them is written to the LIVE side only,
 * as the server returned it, so the diff shows it removed.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceMapping } from '../../discovery/index.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import { withTypeMeta } from '../../resources/builder/index.js';
import type { KubeObject } from '../../resources/kube-object.js';
import { listPages } from '../../resources/list.js';
import type { PruneResource } from '../../runtime/apply/prune-resources.js';
import {
  DEFAULT_LIST_WARNING,
  DEFAULT_PRUNE_RESOURCES,
  gvkString,
  pruneMappings,
} from '../../runtime/apply/prune-resources.js';
import type { Factory } from '../../runtime/factory.js';
import { klogLine } from '../../util/klog.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What the diff visited: the live objects' UIDs and the namespaces of namespaced objects. */
export class PruneTracker {
  readonly uids = new Set<string>();
  readonly namespaces = new Set<string>();

  markVisited(mapping: ResourceMapping, namespace: string, live: KubeObject | undefined): void {
    if (mapping.namespaced) this.namespaces.add(namespace);
    const uid = live?.metadata?.uid;
    if (uid) this.uids.add(uid);
  }
}

/** `[group.]version.Kind.namespace.name`: kubectl's getObjectName, the file the diff compares. */
export function diffFileName(
  gvk: { group: string; version: string; kind: string },
  namespace: string,
  name: string,
): string {
  return `${gvk.group ? `${gvk.group}.` : ''}${gvk.version}.${gvk.kind}.${namespace}.${name}`;
}

/**
 * Writes the objects pruning would delete into the LIVE directory. kubectl logs a failure as a
 * warning and goes on with what it found; so does ktl.
 */
export async function writePruned(
  factory: Factory,
  allowlist: PruneResource[] | undefined,
  selector: string,
  tracker: PruneTracker,
  liveDir: string,
): Promise<void> {
  // prune.GetRESTMappings warns of the default list: diff's namespace always counts as given.
  if (!allowlist) factory.streams.err.write(klogLine('W', 'prune.go:71', DEFAULT_LIST_WARNING));
  try {
    const mappings = await pruneMappings(
      await factory.restMapper(),
      allowlist ?? DEFAULT_PRUNE_RESOURCES,
    );
    const passes: Array<[string, ResourceMapping, string]> = [];
    for (const namespace of tracker.namespaces)
      for (const mapping of mappings.namespaced) passes.push([namespace, mapping, 'namespaced']);
    for (const mapping of mappings.clusterScoped) passes.push(['', mapping, 'nonNamespaced']);
    for (const [namespace, mapping, scope] of passes) {
      try {
        for (const object of await prunable(factory, mapping, namespace, selector, tracker))
          await writeLive(object, liveDir);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        throw new Error(`error pruning ${scope} object ${gvkString(mapping)}: ${text}`);
      }
    }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    factory.streams.err.write(
      klogLine('W', 'diff.go:760', `pruning failed and could not be evaluated err: ${text}`),
    );
  }
}

async function prunable(
  factory: Factory,
  mapping: ResourceMapping,
  namespace: string,
  selector: string,
  tracker: PruneTracker,
): Promise<KubeObject[]> {
  const client = await factory.client();
  const found: KubeObject[] = [];
  const pages = listPages<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
    client,
    mapping,
    { namespace: namespace || undefined, labelSelector: selector || undefined, chunkSize: 0 },
  );
  for await (const page of pages)
    for (const item of page.body.items ?? []) {
      const metadata = item.metadata ?? {};
      if (metadata.annotations?.[LAST_APPLIED] === undefined) continue;
      if (tracker.uids.has(metadata.uid ?? '')) continue;
      found.push(withTypeMeta(item, mapping));
    }
  return found;
}

async function writeLive(object: KubeObject, liveDir: string): Promise<void> {
  const [group, version] = (object.apiVersion ?? '').includes('/')
    ? (object.apiVersion ?? '').split('/')
    : ['', object.apiVersion ?? ''];
  const name = diffFileName(
    { group: group ?? '', version: version ?? '', kind: object.kind ?? '' },
    object.metadata?.namespace ?? '',
    object.metadata?.name ?? '',
  );
  await writeFile(join(liveDir, name), await toKubectlYaml(object));
}

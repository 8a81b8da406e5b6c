/**
 * `apply --prune` (kubectl's allow-list pruner, cmd/apply/prune.go): in every namespace the run
 * touched, and cluster-wide for cluster-scoped kinds, list each allow-listed kind with -l and
 * delete the objects that carry the last-applied annotation but were not applied this run.
 */
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import { toKubectlJson } from '../../printers/json-text.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import { withoutManagedFields } from '../../printers/managed-fields.js';
import { listPages } from '../../resources/list.js';
import type { ResourceMapping } from '../../discovery/index.js';
import { kindGroupName, objectPath } from '../../resources/resource-ref.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { Factory } from '../../runtime/factory.js';
import type { ApplyOptions } from '../../runtime/apply/apply-options.js';
import { deleteObject } from '../../runtime/apply/delete-object.js';
import { dryRunSuffix } from '../../runtime/mutation-flags.js';
import type { PruneMappings } from '../../runtime/apply/prune-resources.js';
import { gvkString } from '../../runtime/apply/prune-resources.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What the apply run visited: the UIDs of the applied objects and their namespaces. */
export interface Visited {
  uids: Set<string>;
  /** In first-seen order (kubectl keeps a Go set, so its order varies between runs). */
  namespaces: string[];
}

interface ListedObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; uid?: string; annotations?: Record<string, string> };
  [key: string]: unknown;
}

/** A pruned object, for --wait. */
interface Pruned {
  mapping: ResourceMapping;
  name: string;
  namespace: string;
  uid: string;
}

/** Prunes, printing each object as kubectl does (`configmap/x pruned`); errors stop the run. */
export async function runPrune(
  factory: Factory,
  options: ApplyOptions,
  mappings: PruneMappings,
  visited: Visited,
): Promise<void> {
  const client = await factory.client();
  const pruned: Pruned[] = [];
  const pass = async (namespace: string, mapping: ResourceMapping, scope: string) => {
    try {
      await pruneKind(factory, client, options, mapping, namespace, visited, pruned);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      throw new PlainError(`error pruning ${scope} object ${gvkString(mapping)}: ${text}`);
    }
  };
  for (const namespace of visited.namespaces)
    for (const mapping of mappings.namespaced) await pass(namespace, mapping, 'namespaced');
  for (const mapping of mappings.clusterScoped) await pass('', mapping, 'nonNamespaced');
  if (options.waitForDeletion && options.dryRun === 'none')
    await waitGone(client, pruned, options.timeoutMs ?? 0);
}

async function pruneKind(
  factory: Factory,
  client: HttpClient,
  options: ApplyOptions,
  mapping: ResourceMapping,
  namespace: string,
  visited: Visited,
  pruned: Pruned[],
): Promise<void> {
  const apiVersion = mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version;
  const pages = listPages<{ items?: ListedObject[]; metadata?: { continue?: string } }>(
    client,
    mapping,
    { namespace: namespace || undefined, labelSelector: options.selector || undefined },
  );
  for await (const page of pages) {
    for (const item of page.body.items ?? []) {
      const metadata = item.metadata ?? {};
      if (metadata.annotations?.[LAST_APPLIED] === undefined) continue;
      const uid = metadata.uid ?? '';
      if (visited.uids.has(uid)) continue;
      const name = metadata.name ?? '';
      if (options.dryRun !== 'client')
        await deleteObject(client, options, mapping, name, namespace);
      pruned.push({ mapping, name, namespace, uid });
      const printable = withoutManagedFields({ apiVersion, kind: mapping.kind, ...item });
      await printPruned(factory, options, mapping, printable);
    }
  }
}

/** The printer kubectl makes with toPrinter("pruned"): name lines, or the object. */
async function printPruned(
  factory: Factory,
  options: ApplyOptions,
  mapping: ResourceMapping,
  object: ListedObject,
): Promise<void> {
  const out = factory.streams.out;
  const name = `${kindGroupName(mapping)}/${object.metadata?.name ?? ''}`;
  if (options.output === 'name') out.write(`${name}\n`);
  else if (options.output === 'json') out.write(toKubectlJson(object));
  else if (options.output === 'yaml') out.write(await toKubectlYaml(object));
  else out.write(`${name} pruned${dryRunSuffix(options.dryRun)}\n`);
}

/**
 * --wait: kubectl accepts the flag on apply but its pruner never waits; ktl does what the flag
 * says and polls each pruned object until it is gone (or replaced), within --timeout.
 */
async function waitGone(client: HttpClient, pruned: Pruned[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + (timeoutMs > 0 ? timeoutMs : 7 * 24 * 3600_000);
  for (const object of pruned) {
    const path = objectPath(object.mapping, object.name, object.namespace);
    for (;;) {
      try {
        const live = await client.json<ListedObject>({ path });
        if (live.metadata?.uid !== object.uid) break;
      } catch (error) {
        if (error instanceof ApiStatusError && error.isNotFound) break;
        throw error;
      }
      if (Date.now() > deadline)
        throw new PlainError(
          `timed out waiting for the condition on ${object.mapping.resource}/${object.name}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

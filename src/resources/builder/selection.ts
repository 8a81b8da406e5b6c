/**
 * A selection (what a verb's arguments resolved to) and how it is read: named objects one by
 * one, types as paged lists, manifest objects fetched by name or used as read.
 */
import type { HttpClient } from '../../transport/http-client.js';
import type { KubeObject } from '../kube-object.js';
import { objectPath } from '../resource-ref.js';
import type { BuilderContext } from './context.js';
import type { FetchedInfo, Infos, ResourceInfo } from './info.js';
import type { ManifestInfo } from './manifest-infos.js';
import { sourceOf } from './manifest-infos.js';
import type { ResourceArgs } from './resource-args.js';
import { labelMatcher } from './selector-filter.js';
import type { ListRequest } from './visitors.js';
import { collectInfos, fetchNamed, listSelected, visitOne } from './visitors.js';

/** What the arguments resolved to, before any object is read. */
export type Selection =
  | { kind: 'manifests'; entries: ManifestInfo[]; subresource?: string; offline?: boolean }
  | { kind: 'named'; infos: ResourceInfo[]; args: ResourceArgs }
  | { kind: 'selected'; requests: ListRequest[] };

/** How a selection is read. */
export interface VisitSettings {
  selector: string;
  fieldSelector: string;
  chunkSize: number;
  /** Manifest objects are used as read. */
  local: boolean;
}

/** Reads the objects of a selection: named ones one by one, types as (paged) lists. */
export async function visitSelection(
  context: BuilderContext,
  selection: Selection,
  settings: VisitSettings,
): Promise<Infos> {
  if (selection.kind === 'manifests') {
    const { entries, subresource } = selection;
    if (settings.local || selection.offline)
      return collectInfos(visitManifests(entries, undefined), true);
    const fetched = visitManifests(entries, await context.client(), subresource);
    return collectInfos(filterByLabels(fetched, settings.selector), true);
  }
  const client = await context.client();
  if (selection.kind === 'named') return collectInfos(fetchNamed(client, selection.infos), true);
  return collectInfos(listSelected(client, selection.requests, settings), false);
}

/** The fetched objects -l matches (kubectl filters -f objects after Latest()); errors pass. */
async function* filterByLabels(
  walk: AsyncIterable<FetchedInfo | Error>,
  selector: string,
): AsyncGenerator<FetchedInfo | Error> {
  const matches = selector === '' ? undefined : labelMatcher(selector);
  for await (const item of walk)
    if (!matches || item instanceof Error || matches(item.object.metadata?.labels ?? {}))
      yield item;
}

/** Each manifest object, fetched from the server by name, or as read without a client. */
async function* visitManifests(
  entries: readonly ManifestInfo[],
  client: HttpClient | undefined,
  subresource?: string,
): AsyncGenerator<FetchedInfo | Error> {
  for (const entry of entries) {
    const { mapping, name, namespace } = entry;
    if (!mapping) continue;
    if (entry.mappingError) {
      yield entry.mappingError; // an offline object in another namespace than -n's
      continue;
    }
    const info = {
      mapping,
      name,
      namespace,
      source: sourceOf(entry),
      ...(subresource ? { subresource } : {}),
    };
    yield visitOne(info, async () =>
      client
        ? await client.json<KubeObject>({
            path: objectPath(mapping, name, namespace, subresource),
          })
        : (entry.manifest.object as KubeObject),
    );
  }
}

/**
 * The builder's visitors (cli-runtime's visitor.go): each walks one kind of selection and
 * yields infos, or the error met for one object so that the others still go (ContinueOnError).
 */
import type { ResourceMapping } from '../../discovery/index.js';
import type { HttpClient } from '../../transport/http-client.js';
import { listPages } from '../list.js';
import { objectPath } from '../resource-ref.js';
import type { KubeObject } from '../kube-object.js';
import type { FetchedInfo, Infos, ResourceInfo } from './info.js';
import { withTypeMeta } from './info.js';
import type { ListSelectors } from './list-error.js';
import { explainListError } from './list-error.js';

/** One type to list: its mapping and namespace ('' = every namespace, or cluster-scoped). */
export interface ListRequest {
  mapping: ResourceMapping;
  namespace: string;
}

/** How lists are made: the selectors and the page size (--chunk-size). */
export interface ListSettings extends ListSelectors {
  chunkSize: number;
}

/** Reads one object; yields it, or the error reading it. */
export async function visitOne(
  info: ResourceInfo,
  read: () => Promise<KubeObject>,
): Promise<FetchedInfo | Error> {
  try {
    return { ...info, object: await read() };
  } catch (error) {
    return error as Error;
  }
}

/** GETs each named object in turn (kubectl's Latest over a name visitor). */
export async function* fetchNamed(
  client: HttpClient,
  infos: readonly ResourceInfo[],
): AsyncGenerator<FetchedInfo | Error> {
  for (const info of infos)
    yield visitOne(info, () =>
      client.json<KubeObject>({
        path: objectPath(info.mapping, info.name, info.namespace, info.subresource),
      }),
    );
}

/**
 * Lists each type page by page and flattens the lists into their items (FlattenListVisitor),
 * each given the list's kind and apiVersion. A refused list ends the walk, reworded as
 * kubectl's builder does.
 */
export async function* listSelected(
  client: HttpClient,
  requests: readonly ListRequest[],
  settings: ListSettings,
): AsyncGenerator<FetchedInfo> {
  for (const { mapping, namespace } of requests) {
    const pages = listPages<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
      client,
      mapping,
      {
        namespace,
        labelSelector: settings.selector || undefined,
        fieldSelector: settings.fieldSelector || undefined,
        chunkSize: settings.chunkSize,
      },
    );
    for await (const page of explainListError(pages, mapping, settings)) {
      for (const item of page.body.items ?? []) {
        const object = withTypeMeta(item, mapping);
        const meta = object.metadata ?? {};
        yield { mapping, name: meta.name ?? '', namespace: meta.namespace ?? '', object };
      }
    }
  }
}

/**
 * Collects a walk into infos. `ordered` keeps the objects and failures in visiting order (for
 * named objects, whose failures kubectl reports where they occur).
 */
export async function collectInfos(
  walk: AsyncIterable<FetchedInfo | Error>,
  ordered: boolean,
): Promise<Infos> {
  const result: Infos = ordered
    ? { objects: [], errors: [], inOrder: [] }
    : { objects: [], errors: [] };
  for await (const item of walk) {
    if (item instanceof Error) result.errors.push(item);
    else result.objects.push(item);
    result.inOrder?.push(item);
  }
  return result;
}

import type { ResourceMapping } from '../../discovery/index.js';
import { ApiStatusError } from '../../errors/errors.js';
import { listPages } from '../../resources/list.js';
import { objectPath } from '../../resources/resource-ref.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { HttpClient } from '../../transport/http-client.js';
import { explainListError } from '../../resources/builder/index.js';

/** What one fetch step produced: a page of a list, or one named object. */
export interface FetchedChunk {
  mapping: ResourceMapping;
  /** A List, a Table, or one object (or a one-row Table for a named object). */
  body: KubeObject & { items?: KubeObject[]; rows?: unknown[] };
  named: boolean;
  resourceVersion: string;
}

/** One request of a get: a type, its namespace scope, and names (none = list). */
export interface FetchRequest {
  mapping: ResourceMapping;
  namespace: string | undefined;
  names: string[];
  /** Read each name's subresource instead (--subresource; never set on lists). */
  subresource?: string;
}

/** A resolved get: the requests to make and how the namespace scope reads in messages. */
export interface GetPlan {
  requests: FetchRequest[];
  namespace: string;
  /** Several types (or --show-kind): names are printed as kind/name. */
  withKind: boolean;
  /** Single object by name (json/yaml print it as itself, not as a List). */
  singleObject: boolean;
}

/** How to fetch: Accept header, selectors, page size. */
export interface FetchSettings {
  accept: string;
  labelSelector: string;
  fieldSelector: string;
  chunkSize: number;
  ignoreNotFound: boolean;
  includeObject?: 'Object' | 'Metadata';
}

/**
 * Fetches what a get asks for, yielding each page or object as it arrives. Errors for single
 * names are collected (the other names still go), kubectl's ContinueOnError.
 */
export async function* fetchAll(
  client: HttpClient,
  requests: FetchRequest[],
  settings: FetchSettings,
  errors: Error[],
): AsyncGenerator<FetchedChunk> {
  for (const request of requests) {
    if (request.names.length === 0) {
      const pages = listPages<FetchedChunk['body']>(client, request.mapping, {
        ...(request.namespace ? { namespace: request.namespace } : {}),
        labelSelector: settings.labelSelector,
        fieldSelector: settings.fieldSelector,
        chunkSize: settings.chunkSize,
        accept: settings.accept,
        ...(settings.includeObject ? { includeObject: settings.includeObject } : {}),
      });
      const selectors = {
        selector: settings.labelSelector,
        fieldSelector: settings.fieldSelector,
      };
      for await (const page of explainListError(pages, request.mapping, selectors))
        yield {
          mapping: request.mapping,
          body: page.body,
          named: false,
          resourceVersion: page.resourceVersion,
        };
      continue;
    }
    for (const name of request.names) {
      try {
        const query = settings.includeObject ? { includeObject: settings.includeObject } : {};
        const body = await client.json<FetchedChunk['body']>({
          path: objectPath(request.mapping, name, request.namespace, request.subresource),
          accept: settings.accept,
          query,
        });
        yield {
          mapping: request.mapping,
          body,
          named: true,
          resourceVersion: body.metadata?.resourceVersion ?? '',
        };
      } catch (error) {
        if (settings.ignoreNotFound && error instanceof ApiStatusError && error.isNotFound)
          continue;
        if (error instanceof ApiStatusError || !(error instanceof Error))
          errors.push(error as Error);
        else throw error;
      }
    }
  }
}

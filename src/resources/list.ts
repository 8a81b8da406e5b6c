import type { HttpClient } from '../transport/http-client.js';
import type { ResourceRef } from './resource-ref.js';
import { collectionPath } from './resource-ref.js';

/** Options of a LIST request. */
export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Page size (kubectl's --chunk-size, default 500; 0 = no paging). */
  chunkSize?: number;
  accept?: string;
  resourceVersion?: string;
  /** For Table responses: how much of each object to embed (Object, Metadata or None). */
  includeObject?: string;
  signal?: AbortSignal;
}

/** One page of a list: the decoded body (a List or a Table) and its continue token. */
export interface ListPage<T> {
  body: T;
  continueToken: string;
  resourceVersion: string;
}

interface ListMeta {
  metadata?: { continue?: string; resourceVersion?: string };
}

/**
 * Lists a collection page by page, following `continue`, yielding each page as it arrives so
 * that callers can print it and let it go (memory stays flat as the list grows).
 */
export async function* listPages<T extends ListMeta>(
  client: HttpClient,
  ref: ResourceRef,
  options: ListOptions = {},
): AsyncGenerator<ListPage<T>> {
  let continueToken = '';
  do {
    const query: Record<string, string | number | undefined> = {
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
      limit: options.chunkSize && options.chunkSize > 0 ? options.chunkSize : undefined,
      continue: continueToken || undefined,
      resourceVersion: continueToken ? undefined : options.resourceVersion,
      includeObject: options.includeObject,
    };
    const request = {
      path: collectionPath(ref, options.namespace),
      query,
      accept: options.accept ?? 'application/json',
    };
    const body = await client.json<T>(
      options.signal ? { ...request, signal: options.signal } : request,
    );
    continueToken = body.metadata?.continue ?? '';
    yield { body, continueToken, resourceVersion: body.metadata?.resourceVersion ?? '' };
  } while (continueToken !== '');
}

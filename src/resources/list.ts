import { decodeJson } from '../transport/decode-json.js';
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
  /**
   * Ask for the next page as soon as this one's continue token is read from its first bytes,
   * before it is parsed and handed over: the server prepares the next page while this one is
   * decoded and used (the dashboard's informer; `get` prints page by page as kubectl does).
   */
  prefetch?: boolean;
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
  if (options.prefetch) {
    yield* prefetchedPages<T>(client, ref, options);
    return;
  }
  let continueToken = '';
  do {
    const body = await client.json<T>(pageRequest(ref, options, continueToken));
    continueToken = body.metadata?.continue ?? '';
    yield { body, continueToken, resourceVersion: body.metadata?.resourceVersion ?? '' };
  } while (continueToken !== '');
}

/** The request of one page (the first when `continueToken` is empty). */
function pageRequest(
  ref: ResourceRef,
  options: ListOptions,
  continueToken: string,
): Parameters<HttpClient['request']>[0] {
  const query: Record<string, string | number | undefined> = {
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    limit: options.chunkSize && options.chunkSize > 0 ? options.chunkSize : undefined,
    continue: continueToken || undefined,
    resourceVersion: continueToken ? undefined : options.resourceVersion,
    includeObject: options.includeObject,
  };
  return {
    path: collectionPath(ref, options.namespace),
    query,
    accept: options.accept ?? 'application/json',
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** listPages with the next page requested while the current one is decoded and consumed. */
async function* prefetchedPages<T extends ListMeta>(
  client: HttpClient,
  ref: ResourceRef,
  options: ListOptions,
): AsyncGenerator<ListPage<T>> {
  const fetchPage = (token: string): Promise<Buffer> => {
    const body = client.request(pageRequest(ref, options, token)).then((r) => r.body);
    // Awaited below unless the consumer stops first: that case must not be an unhandled rejection.
    body.catch(() => undefined);
    return body;
  };
  let pending = fetchPage('');
  for (;;) {
    const raw = await pending;
    const early = continueTokenAhead(raw);
    if (early) pending = fetchPage(early);
    const body = decodeJson<T>(raw);
    const continueToken = body.metadata?.continue ?? '';
    // The early read is only a shortcut: should it ever differ, the parsed token wins.
    if (continueToken !== '' && early !== continueToken) pending = fetchPage(continueToken);
    yield { body, continueToken, resourceVersion: body.metadata?.resourceVersion ?? '' };
    if (continueToken === '') return;
  }
}

/**
 * The continue token of a List or Table body from its first bytes, where the server writes it
 * (kind, apiVersion, then metadata: Go writes struct fields in order); undefined when the body
 * does not start that way or has none.
 */
export function continueTokenAhead(body: Buffer): string | undefined {
  const head = body.subarray(0, 2048).toString('latin1');
  const metadata = /^\s*\{"kind":"[^"]*","apiVersion":"[^"]*","metadata":\{([^{}]*)\}/.exec(head);
  if (!metadata) return undefined;
  return /"continue":"([^"\\]+)"/.exec(metadata[1] ?? '')?.[1];
}

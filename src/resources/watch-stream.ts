import { StringDecoder } from 'node:string_decoder';
import type { HttpClient } from '../transport/http-client.js';
import type { KubeObject } from './kube-object.js';
import type { ResourceRef } from './resource-ref.js';
import { collectionPath } from './resource-ref.js';

/** One event of a watch, as the server sends it. */
export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** Options of a WATCH request. */
export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowBookmarks?: boolean;
  sendInitialEvents?: boolean;
  /** Server-side timeout of the watch in seconds (the server closes it normally after). */
  timeoutSeconds?: number;
  /** Close the stream when nothing (not even a bookmark) arrives for this long. */
  inactivityMs?: number;
  accept?: string;
  signal?: AbortSignal;
}

/** Thrown when a watch goes silent for longer than its inactivity timeout. */
export class WatchInactiveError extends Error {
  constructor(ms: number) {
    super(`no data on the watch for ${Math.round(ms / 1000)}s`);
  }
}

/**
 * Opens a watch and yields its events. Lines that are not JSON are an error, never dropped
 * silently. The generator ends when the server closes the stream normally.
 */
export async function* watchEvents<T = KubeObject>(
  client: HttpClient,
  ref: ResourceRef,
  options: WatchOptions = {},
): AsyncGenerator<WatchEvent<T>> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const query: Record<string, string | number | boolean | undefined> = {
    watch: 'true',
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    resourceVersion: options.resourceVersion,
    allowWatchBookmarks: options.allowBookmarks ? 'true' : undefined,
    sendInitialEvents: options.sendInitialEvents ? 'true' : undefined,
    resourceVersionMatch: options.sendInitialEvents ? 'NotOlderThan' : undefined,
    timeoutSeconds: options.timeoutSeconds,
  };
  let timer: NodeJS.Timeout | undefined;
  let inactive = false;
  const arm = (): void => {
    if (!options.inactivityMs) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      inactive = true;
      controller.abort();
    }, options.inactivityMs);
  };
  // The timer also covers the wait for the response headers: a connection that went silent
  // before the server answered would otherwise hang here forever.
  arm();
  let stream: Awaited<ReturnType<HttpClient['stream']>>;
  try {
    stream = await client.stream({
      path: collectionPath(ref, options.namespace),
      query,
      accept: options.accept ?? 'application/json',
      signal: controller.signal,
      noTimeoutParam: true,
    });
  } catch (error) {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
    if (inactive) throw new WatchInactiveError(options.inactivityMs ?? 0);
    throw error;
  }
  arm();
  let buffered = '';
  // A multi-byte character may be split between two network chunks: the decoder keeps the
  // partial bytes until the rest arrives (decoding each chunk alone printed U+FFFD).
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      arm();
      buffered += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line !== '') yield parseEvent<T>(line);
      }
    }
    buffered += decoder.end();
    if (buffered.trim() !== '') yield parseEvent<T>(buffered.trim());
  } catch (error) {
    if (inactive) throw new WatchInactiveError(options.inactivityMs ?? 0);
    if (options.signal?.aborted) return;
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
    if (!stream.destroyed) stream.destroy();
  }
}

function parseEvent<T>(line: string): WatchEvent<T> {
  try {
    return JSON.parse(line) as WatchEvent<T>;
  } catch {
    throw new Error(`malformed watch event: ${line.slice(0, 200)}`);
  }
}

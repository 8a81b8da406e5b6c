/**
 * Watches one named object (list by metadata.name, then watch from the list's
 * resourceVersion, rewatching after normal closes) until a predicate says stop: what
 * kubectl's UntilWithSync gives rollout status and wait.
 */
import { listPages } from './list.js';
import type { ResourceRef } from './resource-ref.js';
import type { KubeObject } from './kube-object.js';
import { watchEvents } from './watch-stream.js';
import type { HttpClient } from '../transport/http-client.js';

/** What to do with what the watch sees; each returns true to stop. */
export interface UntilHandlers {
  /** The object as listed or changed. */
  object(object: KubeObject): boolean;
  /** The object is not there when listed (initial = true) or was deleted. */
  gone(initial: boolean): boolean;
}

/** One named object to follow. */
export interface UntilTarget {
  ref: ResourceRef;
  name: string;
  namespace: string;
}

/** Runs until a handler returns true or the signal aborts (then resolves false). */
export async function untilDone(
  client: HttpClient,
  target: UntilTarget,
  handlers: UntilHandlers,
  signal: AbortSignal,
): Promise<boolean> {
  const fieldSelector = `metadata.name=${target.name}`;
  let resourceVersion = '';
  let found: KubeObject | undefined;
  try {
    for await (const page of listPages<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
      client,
      target.ref,
      {
        namespace: target.namespace,
        fieldSelector,
        signal,
      },
    )) {
      found = page.body.items?.[0] ?? found;
      resourceVersion = page.resourceVersion;
    }
  } catch (error) {
    if (signal.aborted) return false;
    throw error;
  }
  if (found ? handlers.object(found) : handlers.gone(true)) return true;
  while (!signal.aborted) {
    const events = watchEvents(client, target.ref, {
      namespace: target.namespace,
      fieldSelector,
      resourceVersion,
      timeoutSeconds: 300,
      allowBookmarks: true,
      signal,
    });
    try {
      for await (const event of events) {
        if (event.type === 'ERROR')
          throw new Error(String((event.object as { message?: string }).message ?? 'watch error'));
        resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
        if (event.type === 'BOOKMARK') continue;
        if (event.type === 'DELETED' ? handlers.gone(false) : handlers.object(event.object))
          return true;
      }
    } catch (error) {
      if (signal.aborted) return false;
      throw error;
    }
  }
  return false;
}

/** An AbortSignal that fires after ms (never when ms <= 0), with a flag saying it did. */
export function deadline(ms: number): {
  signal: AbortSignal;
  expired: () => boolean;
  clear: () => void;
} {
  const controller = new AbortController();
  let fired = false;
  const timer =
    ms > 0
      ? setTimeout(() => {
          fired = true;
          controller.abort();
        }, ms)
      : undefined;
  return { signal: controller.signal, expired: () => fired, clear: () => clearTimeout(timer) };
}

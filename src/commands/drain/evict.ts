/**
 * Removing a node's pods as kubectl's pkg/drain does: one eviction (or, with
 * --disable-eviction, one DELETE) per pod, then polling every second until each pod is gone or
 * replaced by a new one of the same name.
 */
import { ApiStatusError } from '../../errors/errors.js';
import { formatGoDuration } from '../../config/duration.js';
import type { DrainPod } from '../../resources/node/drain-filters.js';
import type { Factory } from '../../runtime/factory.js';

export interface RemoveSettings {
  /** Seconds; < 0 keeps each pod's own grace period. */
  gracePeriod: number;
  /** Milliseconds; 0 = no limit. */
  timeoutMs: number;
  /** Seconds; pods deleted longer ago than this count as gone (0 = never). */
  skipWaitForDeleteTimeout: number;
  disableEviction: boolean;
  serverDryRun: boolean;
}

const POLL_MS = 1000;
const RETRY_MS = 5000;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function podPath(pod: DrainPod, sub = ''): string {
  const ns = encodeURIComponent(pod.metadata?.namespace ?? '');
  return `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod.metadata?.name ?? '')}${sub}`;
}

function deleteOptions(settings: RemoveSettings): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (settings.gracePeriod >= 0) options['gracePeriodSeconds'] = settings.gracePeriod;
  if (settings.serverDryRun) options['dryRun'] = ['All'];
  return options;
}

function isStatus(error: unknown, code: number): boolean {
  return error instanceof ApiStatusError && error.httpCode === code;
}

/** The deadline every pod shares (kubectl's global timeout), or Infinity. */
function deadlineOf(settings: RemoveSettings, start: number): number {
  return settings.timeoutMs > 0 ? start + settings.timeoutMs : Infinity;
}

/** Polls one pod until it is gone, replaced, or (with skip-wait) long since marked deleted. */
async function waitGone(
  factory: Factory,
  pod: DrainPod,
  settings: RemoveSettings,
  deadline: number,
): Promise<void> {
  const client = await factory.client();
  const uid = pod.metadata?.uid;
  for (;;) {
    let live: DrainPod;
    try {
      live = await client.json<DrainPod>({ path: podPath(pod) });
    } catch (error) {
      if (isStatus(error, 404)) return;
      throw error;
    }
    if (live.metadata?.uid !== uid) return;
    const deleted = live.metadata?.deletionTimestamp;
    const skip = settings.skipWaitForDeleteTimeout;
    if (skip > 0 && deleted && (Date.now() - Date.parse(deleted)) / 1000 > skip) {
      factory.streams.out.write(
        `pod "${live.metadata?.name ?? ''}" has DeletionTimestamp older than ${skip} seconds, skipping\n`,
      );
      return;
    }
    if (Date.now() + POLL_MS > deadline) {
      throw new Error(
        `error when waiting for pod "${pod.metadata?.name ?? ''}" in namespace "${pod.metadata?.namespace ?? ''}" to terminate: context deadline exceeded`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** Evicts one pod, retrying while a disruption budget says 429, then waits for it to go. */
async function evictOne(
  factory: Factory,
  pod: DrainPod,
  settings: RemoveSettings,
  deadline: number,
): Promise<void> {
  const client = await factory.client();
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const suffix = settings.serverDryRun ? ' (server dry run)' : '';
  const body = JSON.stringify({
    kind: 'Eviction',
    apiVersion: 'policy/v1',
    metadata: { name, namespace },
    deleteOptions: deleteOptions(settings),
  });
  for (;;) {
    if (Date.now() > deadline) {
      throw new Error(
        `error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${formatGoDuration(settings.timeoutMs)}`,
      );
    }
    factory.streams.out.write(`evicting pod ${namespace}/${name}${suffix}\n`);
    try {
      await client.json({
        method: 'POST',
        path: podPath(pod, '/eviction'),
        contentType: 'application/json',
        body,
      });
      break;
    } catch (error) {
      if (isStatus(error, 404)) break;
      if (!isStatus(error, 429)) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`error when evicting pods/"${name}" -n "${namespace}": ${message}`);
      }
      const message = error instanceof Error ? error.message : String(error);
      factory.streams.err.write(
        `error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${message}\n`,
      );
      await sleep(RETRY_MS);
    }
  }
  if (settings.serverDryRun) return;
  await waitGone(factory, pod, settings, deadline);
  factory.streams.out.write(`pod/${name} evicted\n`);
}

/** Deletes the pods one after another, then waits for all of them (--disable-eviction). */
async function deleteAll(
  factory: Factory,
  pods: readonly DrainPod[],
  settings: RemoveSettings,
  deadline: number,
): Promise<void> {
  const client = await factory.client();
  for (const pod of pods) {
    try {
      await client.json({
        method: 'DELETE',
        path: podPath(pod),
        contentType: 'application/json',
        body: JSON.stringify({
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          ...deleteOptions(settings),
        }),
      });
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
  if (settings.serverDryRun) return;
  for (const pod of pods) {
    await waitGone(factory, pod, settings, deadline);
    factory.streams.out.write(`pod/${pod.metadata?.name ?? ''} deleted\n`);
  }
}

/**
 * Evicts (in parallel, as kubectl's goroutines do) or deletes the pods; resolves to the failures,
 * empty when every pod is gone.
 */
export async function removePods(
  factory: Factory,
  pods: readonly DrainPod[],
  settings: RemoveSettings,
): Promise<Error[]> {
  const deadline = deadlineOf(settings, Date.now());
  if (settings.disableEviction) {
    try {
      await deleteAll(factory, pods, settings, deadline);
      return [];
    } catch (error) {
      return [error instanceof Error ? error : new Error(String(error))];
    }
  }
  const results = await Promise.allSettled(
    pods.map((pod) => evictOne(factory, pod, settings, deadline)),
  );
  return results.flatMap((r) =>
    r.status === 'rejected'
      ? [r.reason instanceof Error ? r.reason : new Error(String(r.reason))]
      : [],
  );
}

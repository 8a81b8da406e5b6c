import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { HttpClient } from '../transport/http-client.js';
import { Informer } from './informer.js';

type WatchStep = 'drop-after-event' | 'refuse' | 'hold';

/**
 * A stand-in for the transport: every LIST answers an empty list, and each WATCH follows the
 * next step of a script (an event then a dropped connection, a refused connection, or a
 * stream that stays open).
 */
function scriptedClient(steps: WatchStep[]): { client: HttpClient; lists: () => number } {
  let lists = 0;
  const client = {
    json: () => {
      lists++;
      return Promise.resolve({ metadata: { resourceVersion: String(lists) }, items: [] });
    },
    stream: () => {
      const step = steps.shift() ?? 'hold';
      if (step === 'refuse') return Promise.reject(new Error('connection refused'));
      const event = JSON.stringify({
        type: 'ADDED',
        object: { metadata: { uid: 'u1', name: 'a', resourceVersion: '9' } },
      });
      return Promise.resolve(
        new Readable({
          read() {
            if (step === 'hold') return;
            this.push(`${event}\n`);
            this.destroy(new Error('connection reset by peer'));
          },
        }),
      );
    },
  };
  return { client: client as unknown as HttpClient, lists: () => lists };
}

test('the reconnect backoff starts over once the watch has resumed', async () => {
  // Outage 1: the watch drops, a rewatch is refused, the relist succeeds and the watch
  // resumes (an event arrives). Outage 2: the watch drops again.
  const { client } = scriptedClient(['drop-after-event', 'refuse', 'drop-after-event', 'hold']);
  const waits: number[] = [];
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const informer = new Informer(
    client,
    { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
    {
      idleProbeMs: 0,
      backoff: (failures) => {
        waits.push(failures);
        if (waits.length === 3) resolveDone();
        return 0;
      },
    },
  );
  await informer.start();
  await done;
  await informer.stop();
  // Before the fix the counter only reset when a watch ended normally: 1, 2, 3.
  assert.deepEqual(waits, [1, 2, 1]);
});

/** Two pages of a Table list, then a watch that stays open. */
function twoPageClient(): HttpClient {
  const table = (names: string[], next?: string) => ({
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '5', ...(next ? { continue: next } : {}) },
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', priority: 0 }],
    rows: names.map((name) => ({
      cells: [name],
      object: { metadata: { uid: name, name, resourceVersion: '5' } },
    })),
  });
  const answer = (query?: Record<string, unknown>) =>
    query?.['continue'] === 'more' ? table(['c']) : table(['a', 'b'], 'more');
  const client = {
    json: (options: { query?: Record<string, unknown> }) => Promise.resolve(answer(options.query)),
    request: (options: { query?: Record<string, unknown> }) =>
      Promise.resolve({
        status: 200,
        headers: {},
        body: Buffer.from(JSON.stringify(answer(options.query))),
      }),
    stream: (options: { signal?: AbortSignal }) => {
      const open = new Readable({ read() {} });
      options.signal?.addEventListener('abort', () => open.destroy());
      return Promise.resolve(open);
    },
  };
  return client as unknown as HttpClient;
}

async function firstListBatches(progressive: boolean): Promise<string[]> {
  const batches: string[] = [];
  const informer = new Informer(
    twoPageClient(),
    { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
    {
      table: true,
      progressive,
      idleProbeMs: 0,
      onChange: (changes) =>
        batches.push(changes.map((c) => `${c.type} ${c.item.object.metadata?.name}`).join(',')),
      onState: (state) => batches.push(state.phase),
    },
  );
  await informer.start();
  await informer.stop();
  assert.deepEqual([...informer.items.keys()], ['a', 'b', 'c']);
  return batches;
}

test('a progressive informer reports each page of its first list as it comes', async () => {
  assert.deepEqual(await firstListBatches(true), [
    'ADDED a,ADDED b',
    'ADDED c',
    'synced',
    'stopped',
  ]);
});

test('an informer reports its first list in one batch once it is complete', async () => {
  assert.deepEqual(await firstListBatches(false), ['synced', 'ADDED a,ADDED b,ADDED c', 'stopped']);
});

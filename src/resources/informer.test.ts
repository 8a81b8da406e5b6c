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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type { HttpClient, RequestOptions } from '../../transport/http-client.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import { EarlyLog } from './early-log.js';

/** A client whose stream() records what was asked and answers with an open stream. */
function recordingClient(): { client: HttpClient; asked: RequestOptions[]; opened: PassThrough[] } {
  const asked: RequestOptions[] = [];
  const opened: PassThrough[] = [];
  const client = {
    stream(options: RequestOptions): Promise<IncomingMessage> {
      asked.push(options);
      const response = new PassThrough();
      opened.push(response);
      return Promise.resolve(response as unknown as IncomingMessage);
    },
  } as unknown as HttpClient;
  return { client, asked, opened };
}

function pod(containers: string[], init: string[] = []): Pod {
  return {
    metadata: { name: 'p', namespace: 'ns' },
    spec: {
      containers: containers.map((name) => ({ name })),
      initContainers: init.map((name) => ({ name })),
    },
  } as unknown as Pod;
}

const at = (container: string) => ({ namespace: 'ns', pod: 'p', container });

test('without -c the early log names no container and serves a pod of one container', async () => {
  const { client, asked } = recordingClient();
  const early = new EarlyLog(client, { namespace: 'ns', pod: 'p' }, { tailLines: '1' });
  assert.deepEqual(asked[0]?.query, { tailLines: '1' });
  assert.ok(await early.take(pod(['app'], ['setup']), at('app')));
});

test('without -c it is dropped for a pod of several containers, or another pick', async () => {
  for (const [spec, pick] of [
    [pod(['main', 'side']), 'side'],
    [pod(['main', 'side']), 'main'],
    [pod(['app'], ['setup']), 'setup'],
  ] as const) {
    const { client, opened } = recordingClient();
    const early = new EarlyLog(client, { namespace: 'ns', pod: 'p' }, {});
    assert.equal(await early.take(spec, at(pick)), undefined);
    early.discard();
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(opened[0]?.destroyed, 'the unused response is closed');
  }
});

test('with -c it asks for that container and serves only it', async () => {
  const { client, asked } = recordingClient();
  const early = new EarlyLog(client, { namespace: 'ns', pod: 'p', container: 'side' }, {});
  assert.equal(asked[0]?.query?.['container'], 'side');
  assert.equal(await early.take(pod(['main', 'side']), at('main')), undefined);
  const again = new EarlyLog(client, { namespace: 'ns', pod: 'p', container: 'side' }, {});
  assert.ok(await again.take(pod(['main', 'side']), at('side')));
});

test('a failed early request is not served: the log is asked for again', async () => {
  const client = {
    stream: () => Promise.reject(new Error('container is waiting to start')),
  } as unknown as HttpClient;
  const early = new EarlyLog(client, { namespace: 'ns', pod: 'p' }, {});
  assert.equal(await early.take(pod(['app']), at('app')), undefined);
});

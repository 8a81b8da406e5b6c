import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { HttpClient } from '../transport/http-client.js';
import { watchEvents } from './watch-stream.js';

test('a multi-byte character split between two network chunks is decoded whole', async () => {
  const text = '日本語テキスト'.repeat(50);
  const line = Buffer.from(
    `${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'cm' }, data: { text } } })}\n`,
  );
  // Cut every 7 bytes: most cuts fall inside a 3-byte character.
  const chunks: Buffer[] = [];
  for (let at = 0; at < line.length; at += 7) chunks.push(line.subarray(at, at + 7));
  const client = { stream: () => Promise.resolve(Readable.from(chunks)) } as unknown as HttpClient;
  const ref = {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
  };
  const events = [];
  for await (const event of watchEvents(client, ref)) events.push(event);
  assert.equal(events.length, 1);
  assert.equal((events[0]?.object['data'] as { text: string }).text, text);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HttpClient } from '../transport/http-client.js';
import { continueTokenAhead, listPages } from './list.js';
import type { ResourceRef } from './resource-ref.js';

const PODS: ResourceRef = {
  group: '',
  version: 'v1',
  resource: 'pods',
  kind: 'Pod',
  namespaced: true,
};

interface Page {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string };
  items: { metadata: { name: string } }[];
}

/** Three pages as the server writes them (compact JSON, metadata first), by continue token. */
const PAGES: Record<string, Page> = {
  '': page('a', 't1'),
  t1: page('b', 't2'),
  t2: page('c', undefined),
};

function page(name: string, next: string | undefined): Page {
  return {
    kind: 'PodList',
    apiVersion: 'v1',
    metadata: { resourceVersion: '7', ...(next ? { continue: next } : {}) },
    items: [{ metadata: { name } }],
  };
}

/** A client that answers PAGES and records, in order, each request and each page handed on. */
function pagedClient(log: string[]): HttpClient {
  const answer = (query: Record<string, unknown> | undefined): Page => {
    const token = String(query?.['continue'] ?? '');
    log.push(`request ${token || 'first'}`);
    const body = PAGES[token];
    if (!body) throw new Error(`unknown token ${token}`);
    return body;
  };
  const client = {
    json: (options: { query?: Record<string, unknown> }) => Promise.resolve(answer(options.query)),
    request: (options: { query?: Record<string, unknown> }) =>
      Promise.resolve({
        status: 200,
        headers: {},
        body: Buffer.from(JSON.stringify(answer(options.query))),
      }),
  };
  return client as unknown as HttpClient;
}

async function names(client: HttpClient, prefetch: boolean, log: string[]): Promise<string[]> {
  const seen: string[] = [];
  for await (const p of listPages<Page>(client, PODS, { namespace: 'demo', prefetch })) {
    const name = p.body.items[0]?.metadata.name ?? '';
    log.push(`page ${name}`);
    seen.push(`${name}:${p.continueToken}`);
  }
  return seen;
}

test('with prefetch the next page is asked for before the current one is handed on', async () => {
  const log: string[] = [];
  const seen = await names(pagedClient(log), true, log);
  assert.deepEqual(seen, ['a:t1', 'b:t2', 'c:']);
  assert.deepEqual(log, [
    'request first',
    'request t1',
    'page a',
    'request t2',
    'page b',
    'page c',
  ]);
});

test('without prefetch pages are asked for one after the other, as before', async () => {
  const log: string[] = [];
  const seen = await names(pagedClient(log), false, log);
  assert.deepEqual(seen, ['a:t1', 'b:t2', 'c:']);
  assert.deepEqual(log, [
    'request first',
    'page a',
    'request t1',
    'page b',
    'request t2',
    'page c',
  ]);
});

test('continueTokenAhead reads the token only where the server writes it', () => {
  const read = (text: string): string | undefined => continueTokenAhead(Buffer.from(text));
  assert.equal(
    read(
      '{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"5","continue":"eyJ2Ijo","remainingItemCount":9},"rows":[]}',
    ),
    'eyJ2Ijo',
  );
  assert.equal(
    read('{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"5"}}'),
    undefined,
  );
  // A token further down (in an item) is not the list's.
  assert.equal(
    read('{"kind":"List","metadata":{},"items":[{"metadata":{"continue":"x"}}]}'),
    undefined,
  );
  assert.equal(read('not json'), undefined);
});

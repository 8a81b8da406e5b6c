import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hop } from './redirect.js';
import { redirectTarget } from './redirect.js';

const origin = new URL('https://api.example:6443/api/v1/pods');
const post: Hop = { url: origin, method: 'POST', body: '{"a":1}', credentials: true };

test('301, 302 and 303 turn a POST into a GET without a body; 307 and 308 keep both', () => {
  for (const status of [301, 302, 303]) {
    const next = redirectTarget(post, status, '/moved', origin);
    assert.deepEqual(next && [next.method, next.body, next.url.href], [
      'GET',
      undefined,
      'https://api.example:6443/moved',
    ]);
  }
  for (const status of [307, 308]) {
    const next = redirectTarget(post, status, 'other', origin);
    assert.deepEqual(next && [next.method, next.body, next.url.href], [
      'POST',
      '{"a":1}',
      'https://api.example:6443/api/v1/other',
    ]);
  }
});

test('300, 304, other statuses and a missing Location are answers, not redirects', () => {
  for (const status of [200, 300, 304, 404])
    assert.equal(redirectTarget(post, status, '/x', origin), undefined);
  assert.equal(redirectTarget(post, 302, undefined, origin), undefined);
});

test('credentials stay with the origin: another host, port or scheme loses them for good', () => {
  const same = redirectTarget(post, 307, 'https://api.example:6443/x', origin);
  assert.equal(same?.credentials, true);
  for (const elsewhere of [
    'https://evil.example:6443/x',
    'https://api.example:8443/x',
    'http://api.example:6443/x',
  ]) {
    const next = redirectTarget(post, 307, elsewhere, origin);
    assert.equal(next?.credentials, false, elsewhere);
    // Back on the origin after a detour: still without them.
    assert.equal(next && redirectTarget(next, 307, origin.href, origin)?.credentials, false);
  }
});

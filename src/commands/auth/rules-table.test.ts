import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessRows, combineResourceGroup } from './rules-table.js';

test('rules are broken down, simple ones merged by verb, and sorted by their Go String()', () => {
  const rows = accessRows({
    resourceRules: [
      { verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods'] },
      { verbs: ['watch', 'get'], apiGroups: [''], resources: ['pods'] },
      { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['a', 'b'] },
    ],
    nonResourceRules: [{ verbs: ['get', 'head'], nonResourceURLs: ['/healthz'] }],
  });
  assert.deepEqual(rows, [
    // "[get list watch]" sorts before "[get list]" (space < ']'), both before "[get]".
    ['pods', '[]', '[]', '[get list watch]'],
    ['pods.apps', '[]', '[]', '[get list]'],
    // Among [get]: APIGroups:[] then Resources:[] (non-resource) before Resources:[secrets].
    ['', '[/healthz]', '[]', '[get]'],
    ['secrets', '[]', '[a]', '[get]'],
    ['secrets', '[]', '[b]', '[get]'],
    ['', '[/healthz]', '[]', '[head]'],
  ]);
});

test('CombineResourceGroup puts the group before the subresource', () => {
  assert.equal(combineResourceGroup(['deployments/scale'], ['apps']), 'deployments.apps/scale');
  assert.equal(combineResourceGroup(['pods/log'], ['']), 'pods/log');
  assert.equal(combineResourceGroup([], ['apps']), '');
});

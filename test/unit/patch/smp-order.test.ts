/**
 * The order of a merged list when the patch names no $setElementOrder, as the API server's
 * strategicpatch.mergeSlice leaves it (checked against kubectl debug --custom, whose env order
 * follows it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PatchSchema } from '../../../src/resources/patch/patch-meta.js';
import { applyStrategicPatch } from '../../../src/resources/patch/smp-apply.js';
import type { JsonObject } from '../../../src/resources/patch/json-value.js';

const schema = new PatchSchema(
  {
    properties: {
      env: {
        type: 'array',
        items: { type: 'object' },
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'name',
      },
      finalizers: {
        type: 'array',
        items: { type: 'string' },
        'x-kubernetes-patch-strategy': 'merge',
      },
    },
  },
  {},
);
const env = (...names: string[]): JsonObject => ({ env: names.map((name) => ({ name })) });
const names = (object: JsonObject): string =>
  (object['env'] as Array<{ name: string }>).map((e) => e.name).join(',');

test('patch items keep the patch order, and original-only items slot in by the original order', () => {
  assert.equal(names(applyStrategicPatch(env('A', 'B'), env('B', 'C'), schema)), 'A,B,C');
  assert.equal(names(applyStrategicPatch(env('B', 'A'), env('B', 'C'), schema)), 'B,C,A');
  assert.equal(names(applyStrategicPatch(env('A', 'B', 'C'), env('C', 'A'), schema)), 'B,C,A');
  assert.equal(names(applyStrategicPatch(env('A', 'B', 'C'), env('D'), schema)), 'D,A,B,C');
});

test('a deleted item is left out of the order, and primitive lists follow the same rule', () => {
  const deleted: JsonObject = { env: [{ name: 'A', $patch: 'delete' }, { name: 'C' }] };
  assert.equal(names(applyStrategicPatch(env('A', 'B'), deleted, schema)), 'C,B');
  const merged = applyStrategicPatch(
    { finalizers: ['a', 'b'] },
    { finalizers: ['c', 'a'] },
    schema,
  );
  assert.deepEqual(merged['finalizers'], ['c', 'a', 'b']);
});

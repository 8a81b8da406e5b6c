import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseManifestText } from '../../../src/resources/manifest/parse-documents.js';
import { createThreeWayJsonMergePatch } from '../../../src/resources/patch/json-merge-patch.js';
import type { JsonObject } from '../../../src/resources/patch/json-value.js';
import { lastAppliedOf, modifiedConfiguration } from '../../../src/resources/patch/last-applied.js';
import { PatchSchema } from '../../../src/resources/patch/patch-meta.js';
import { applyStrategicPatch } from '../../../src/resources/patch/smp-apply.js';
import { createThreeWayMergePatch } from '../../../src/resources/patch/smp-three-way.js';
import { findKindSchema, splitApiVersion } from '../../../src/resources/validation/schema-types.js';
import { recordedDocument } from '../validation/recorded-schemas.js';

const fixtures = new URL('../../fixtures/manifests/', import.meta.url).pathname;
const documents = {
  'api/v1': recordedDocument('api/v1'),
  'apis/apps/v1': recordedDocument('apis/apps/v1'),
};

interface Recorded {
  /** The PATCH bodies kubectl 1.34 sent, in input order, for the objects that changed. */
  patches: JsonObject[];
  /** The live objects before the step. */
  current: Record<'deploy' | 'svc' | 'cm', JsonObject>;
}

function schemaFor(object: JsonObject): PatchSchema {
  const { group, version } = splitApiVersion(String(object['apiVersion']));
  const document = group === 'apps' ? documents['apis/apps/v1'] : documents['api/v1'];
  const kind = findKindSchema(document, { group, version, kind: String(object['kind']) });
  return new PatchSchema(kind?.schema, document);
}

for (const step of [2, 3, 4]) {
  test(`three-way strategic merge patch equals kubectl's for apply-steps step ${step}`, async () => {
    const recorded = JSON.parse(
      readFileSync(`${fixtures}recorded-patches/step${step}.json`, 'utf8'),
    ) as Recorded;
    const text = readFileSync(`${fixtures}apply-steps/step${step}.yaml`, 'utf8');
    const { objects } = await parseManifestText('step.yaml', text);
    const currents = [recorded.current.deploy, recorded.current.svc, recorded.current.cm];
    const ours: JsonObject[] = [];
    objects.forEach((manifest, i) => {
      const object = structuredClone(manifest.object) as JsonObject;
      (object['metadata'] as JsonObject)['namespace'] = 'rec-patch';
      const current = currents[i]!;
      const { modified } = modifiedConfiguration(object);
      const schema = schemaFor(object);
      const patch = createThreeWayMergePatch(lastAppliedOf(current), modified, current, schema);
      if (Object.keys(patch).length > 0) ours.push(patch);
      // Applying the patch locally yields the manifest's values (as the server would).
      const merged = applyStrategicPatch(current, patch, schema);
      assert.deepEqual(
        merged['metadata'] && (merged['metadata'] as JsonObject)['labels'],
        (modified['metadata'] as JsonObject)['labels'] ?? undefined,
      );
    });
    assert.deepEqual(ours, recorded.patches);
  });
}

test('three-way JSON merge patch (custom resources): lists replaced, removed fields nulled', () => {
  const original = {
    apiVersion: 'x/v1',
    kind: 'K',
    metadata: { name: 'a' },
    spec: { a: 1, b: [1, 2], c: { d: 1 } },
  };
  const modified = {
    apiVersion: 'x/v1',
    kind: 'K',
    metadata: { name: 'a' },
    spec: { b: [2], c: { e: 2 } },
  };
  const current = { ...original, spec: { ...original.spec, z: 'server' }, status: { ok: true } };
  assert.deepEqual(createThreeWayJsonMergePatch(original, modified, current), {
    spec: { a: null, b: [2], c: { d: null, e: 2 } },
  });
  assert.throws(
    () => createThreeWayJsonMergePatch(original, { ...modified, kind: 'Other' }, current),
    /At least one of apiVersion, kind and name was changed/,
  );
});

test('a primitive merge list (finalizers): $deleteFromPrimitiveList as kubectl sends it', async () => {
  // Recorded from kubectl 1.34: applied [a, b], another writer added c, then applied [a].
  const current = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'f',
      namespace: 'fin1',
      finalizers: ['example.com/a', 'example.com/b', 'example.com/c'],
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"finalizers":["example.com/a","example.com/b"],"name":"f","namespace":"fin1"}}\n',
      },
    },
  };
  const manifest = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'f', namespace: 'fin1', finalizers: ['example.com/a'] },
  };
  const { modified } = modifiedConfiguration(manifest);
  const schema = schemaFor(manifest);
  const patch = createThreeWayMergePatch(lastAppliedOf(current), modified, current, schema);
  const sent = {
    metadata: {
      '$deleteFromPrimitiveList/finalizers': ['example.com/b'],
      '$setElementOrder/finalizers': ['example.com/a'],
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"finalizers":["example.com/a"],"name":"f","namespace":"fin1"}}\n',
      },
    },
  };
  assert.deepEqual(patch, sent);
  const merged = applyStrategicPatch(current, patch, schema);
  assert.deepEqual((merged['metadata'] as JsonObject)['finalizers'], [
    'example.com/a',
    'example.com/c',
  ]);
});

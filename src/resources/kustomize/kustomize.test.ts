import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentHash } from './generators.js';
import { splitImage } from './images.js';
import type { JsonObject } from '../patch/json-value.js';
import { applyJsonPatch } from './json-patch.js';
import { schemaFor } from './merge-schema.js';
import { mergePatch } from './smp.js';
import { legacySort } from './sort.js';
import { Resource } from './resource.js';

test('contentHash: kustomize hashes kind, an empty name and data (its name lookup never matches)', () => {
  const data = { KEY1: 'value1', KEY2: 'value with spaces  ', EMPTY: '' };
  // Hashes from kubectl kustomize for the same data under two different names.
  for (const name of ['app-envs-v1', 'envs'])
    assert.equal(
      contentHash({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data }),
      '8fm8c44gf5',
    );
});

test('splitImage: a registry port is not a tag; digests after tags', () => {
  assert.deepEqual(splitImage('nginx'), { name: 'nginx', tag: '', digest: '' });
  assert.deepEqual(splitImage('host:5000/ns/app:1.2'), {
    name: 'host:5000/ns/app',
    tag: '1.2',
    digest: '',
  });
  assert.deepEqual(splitImage('app@sha256:abc'), { name: 'app', tag: '', digest: 'sha256:abc' });
  assert.deepEqual(splitImage('app:1@sha256:abc'), { name: 'app', tag: '1', digest: 'sha256:abc' });
});

test('mergePatch: patch elements first (kustomize prepends), deletes, nulls cleared', () => {
  const schema = schemaFor('apps/v1', 'Deployment');
  const dest: JsonObject = {
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'a', image: 'a' },
            { name: 'b', image: 'b' },
          ],
        },
      },
    },
    status: null,
  };
  const patch: JsonObject = {
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'c', image: 'c' },
            { name: 'b', $patch: 'delete' },
          ],
        },
      },
    },
  };
  assert.deepEqual(mergePatch(dest, patch, schema), {
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'c', image: 'c' },
            { name: 'a', image: 'a' },
          ],
        },
      },
    },
  });
  // Without a schema (custom resources) lists are replaced.
  assert.deepEqual(mergePatch({ items: [{ name: 'a' }] }, { items: [{ name: 'b' }] }, undefined), {
    items: [{ name: 'b' }],
  });
});

test('applyJsonPatch: add at the end of a list, replace, remove', () => {
  const result = applyJsonPatch({ a: [1], b: { c: 1 } }, [
    { op: 'add', path: '/a/-', value: 2 },
    { op: 'replace', path: '/b/c', value: 3 },
    { op: 'remove', path: '/a/0' },
  ]);
  assert.deepEqual(result, { a: [2], b: { c: 3 } });
  // json-patch v4 (kustomize's) sets a missing key of an existing map; kubectl kustomize agrees.
  assert.deepEqual(applyJsonPatch({}, [{ op: 'replace', path: '/x', value: 1 }]), { x: 1 });
  assert.throws(
    () => applyJsonPatch({}, [{ op: 'replace', path: '/x/y', value: 1 }]),
    /replace operation does not apply: doc is missing path: \/x\/y: missing value$/,
  );
});

test('legacySort: namespaces first, webhooks last, then by gvk and name', () => {
  const r = (apiVersion: string, kind: string, name: string): Resource =>
    new Resource({ apiVersion, kind, metadata: { name } }, 'test');
  const sorted = legacySort([
    r('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'v'),
    r('apps/v1', 'Deployment', 'b'),
    r('example.com/v1', 'Widget', 'w'),
    r('apps/v1', 'Deployment', 'a'),
    r('v1', 'Namespace', 'n'),
  ]);
  assert.deepEqual(
    sorted.map((x) => `${x.kind}/${x.name}`),
    ['Namespace/n', 'Deployment/a', 'Deployment/b', 'Widget/w', 'ValidatingWebhookConfiguration/v'],
  );
});

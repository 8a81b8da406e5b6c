import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl } from '../helpers/cluster.js';
import { tempCacheDir } from './discovery-helpers.js';
import { crdManifest } from '../helpers/crd.js';

const PATHS = [
  ['pods'],
  ['deployment'],
  ['deployment.spec.template'],
  ['pods.spec.containers'],
  ['pods.spec.containers.imagePullPolicy'],
  ['pods.metadata.labels'],
  ['pods.status'],
  ['svc', '--recursive'],
  ['deployments.apps.spec', '--recursive'],
  ['crd.spec.versions.schema.openAPIV3Schema'],
  ['resourceslices.spec.devices.attributes'],
  ['hpa', '--api-version=autoscaling/v1'],
  ['events.events.k8s.io'],
  ['pods.spec.nosuchfield'],
  ['nosuchtype'],
  ['deploy', '--api-version=apps/v1beta1'],
  [],
];

async function compare(args: string[], kubectlCache: string, ktlCache: string): Promise<void> {
  const expected = await kubectl(['explain', ...args, '--cache-dir', kubectlCache]);
  const actual = await ktl(['explain', ...args, '--cache-dir', ktlCache]);
  const label = args.join(' ') || '(no args)';
  assert.equal(actual.stdout, expected.stdout, `${label}: stdout`);
  assert.equal(actual.stderr, expected.stderr, `${label}: stderr`);
  assert.equal(actual.code, expected.code, `${label}: exit code`);
}

test('explain prints what kubectl prints, fields, recursion and errors included', async () => {
  const kubectlCache = tempCacheDir();
  const ktlCache = tempCacheDir();
  for (const args of PATHS) await compare(args, kubectlCache, ktlCache);
});

test('explain of a CRD created in the test matches kubectl', async (t) => {
  const suffix = `${process.pid}${Date.now().toString(36)}`;
  const group = `explain${suffix}.example.com`;
  const crd = crdManifest({
    group,
    plural: 'gizmos',
    kind: 'Gizmo',
    schema: {
      type: 'object',
      description: 'A gizmo for testing explain.',
      required: ['spec'],
      properties: {
        spec: {
          type: 'object',
          description: 'What the gizmo should be.',
          required: ['size'],
          properties: {
            size: { type: 'integer', description: 'How big.' },
            color: { type: 'string', enum: ['red', 'green', 'blue', 'cyan', 'magenta'] },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            parts: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' } } },
            },
          },
        },
      },
    },
  });
  await kubectlOk(['apply', '-f', '-'], { input: JSON.stringify(crd) });
  t.after(() => kubectl(['delete', 'crd', `gizmos.${group}`, '--wait=false']));
  await kubectlOk(['wait', '--for=condition=Established', `crd/gizmos.${group}`, '--timeout=30s']);
  // The OpenAPI document of a new CRD is published shortly after it is established.
  for (let i = 0; i < 50; i++) {
    const probe = await kubectl(['explain', 'gizmos', '--api-version', `${group}/v1`]);
    if (probe.code === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const kubectlCache = tempCacheDir();
  const ktlCache = tempCacheDir();
  for (const path of ['gizmos', 'gizmos.spec', 'gizmo.spec.color', 'gizmos.spec.parts']) {
    await compare([path], kubectlCache, ktlCache);
    await compare([path, '--recursive'], kubectlCache, ktlCache);
  }
});

test('a warm explain makes no discovery or schema request (only the OpenAPI index)', async () => {
  const cacheDir = tempCacheDir();
  const cold = await ktl(['explain', 'deployment.spec', '--cache-dir', cacheDir, '-v=6']);
  assert.equal(cold.code, 0, cold.stderr);
  assert.match(cold.stderr, /openapi\/v3\/apis\/apps\/v1\?hash=/);
  const warm = await ktl(['explain', 'deployment.spec', '--cache-dir', cacheDir, '-v=6']);
  assert.equal(warm.stdout, cold.stdout);
  const urls = [...warm.stderr.matchAll(/"Response" verb="GET" url="https:\/\/[^/]+([^"]*)"/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(urls, ['/openapi/v3']);
});

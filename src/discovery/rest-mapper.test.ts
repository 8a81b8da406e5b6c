import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatError } from '../errors/format-error.js';
import { DiscoveryClient } from './discovery-client.js';
import { FakeDiscoveryServer } from './fake-server.test-helper.js';
import { RestMapper } from './rest-mapper.js';

/** A CRD group reusing the short name "deploy" and the plural "pods". */
const clashingGroup = {
  metadata: { name: 'clash.example.com' },
  versions: [
    {
      version: 'v1',
      resources: [
        {
          resource: 'gadgets',
          responseKind: { group: 'clash.example.com', version: 'v1', kind: 'Gadget' },
          scope: 'Namespaced',
          singularResource: 'gadget',
          verbs: ['get', 'list'],
          shortNames: ['deploy'],
        },
        {
          resource: 'pods',
          responseKind: { group: 'clash.example.com', version: 'v1', kind: 'Pod' },
          scope: 'Cluster',
          singularResource: 'pod',
          verbs: ['get', 'list'],
        },
      ],
    },
  ],
};

function mapperFor(extraApis?: unknown): {
  mapper: RestMapper;
  warnings: string[];
  server: FakeDiscoveryServer;
} {
  const server = new FakeDiscoveryServer({ aggregated: true, extraApis });
  const discovery = new DiscoveryClient({
    http: async () => server,
    cacheRoot: mkdtempSync(join(tmpdir(), 'ktl-mapper-')),
    host: 'https://127.0.0.1:6443',
  });
  const warnings: string[] = [];
  return { mapper: new RestMapper(discovery, (w) => warnings.push(w)), warnings, server };
}

const gvr = (m: { group: string; version: string; resource: string }): string =>
  `${m.group ? `${m.group}/` : ''}${m.version}/${m.resource}`;

async function resolve(mapper: RestMapper, input: string): Promise<string> {
  try {
    return (await mapper.resolveTypes(input)).map(gvr).join(' ');
  } catch (error) {
    return formatError(error).text.trim();
  }
}

test('names, kinds, short names, groups and versions resolve as kubectl resolves them', async () => {
  const { mapper } = mapperFor();
  const table: Record<string, string> = {
    pods: 'v1/pods',
    Pod: 'v1/pods',
    po: 'v1/pods',
    events: 'v1/events',
    'events.events.k8s.io': 'events.k8s.io/v1/events',
    'storageclass.storage': 'storage.k8s.io/v1/storageclasses',
    'deploy.app': 'apps/v1/deployments',
    'deploy.v1beta1.apps': 'apps/v1/deployments',
    'Deployment.v1.apps': 'apps/v1/deployments',
    'hpa.v1.autoscaling': 'autoscaling/v2/horizontalpodautoscalers',
    'horizontalpodautoscalers.v1.autoscaling': 'autoscaling/v1/horizontalpodautoscalers',
    podlists: 'v1/podlists',
    'po,pods,pod,svc': 'v1/pods v1/services',
    'pods.v1': `error: the server doesn't have a resource type "pods"`,
    'foo.bar': `error: the server doesn't have a resource type "foo"`,
    PO: `error: the server doesn't have a resource type "PO"`,
  };
  for (const [input, expected] of Object.entries(table)) {
    assert.equal(await resolve(mapper, input), expected, input);
  }
});

test('the "all" category expands from discovery, in discovery order, deduplicated', async () => {
  const { mapper } = mapperFor();
  assert.equal(
    await resolve(mapper, 'all'),
    'v1/pods v1/replicationcontrollers v1/services apps/v1/daemonsets apps/v1/deployments ' +
      'apps/v1/replicasets apps/v1/statefulsets autoscaling/v2/horizontalpodautoscalers ' +
      'batch/v1/cronjobs batch/v1/jobs',
  );
});

test('core wins ties; a clashing short name warns once and keeps the first match', async () => {
  const { mapper, warnings } = mapperFor(clashingGroup);
  assert.equal(await resolve(mapper, 'pods'), 'v1/pods');
  assert.equal(await resolve(mapper, 'pods.clash.example.com'), 'clash.example.com/v1/pods');
  assert.equal(await resolve(mapper, 'deploy'), 'apps/v1/deployments');
  assert.equal(await resolve(mapper, 'deploy,deploy'), 'apps/v1/deployments');
  assert.deepEqual(warnings, [
    'short name "deploy" could also match lower priority resource gadgets.clash.example.com',
  ]);
});

test('a kind from a manifest maps in its exact version, or fails with kubectl words', async () => {
  const { mapper } = mapperFor();
  const mapping = await mapper.mappingForGVK({ group: 'apps', version: 'v1', kind: 'Deployment' });
  assert.equal(mapping.resource, 'deployments');
  assert.equal(mapping.namespaced, true);
  assert.ok(mapping.verbs.includes('list'));
  await assert.rejects(
    mapper.mappingForGVK({ group: 'apps', version: 'v1beta9', kind: 'Deployment' }),
    /no matches for kind "Deployment" in version "apps\/v1beta9"/,
  );
});

test('a miss on data this process fetched does not fetch again', async () => {
  const { mapper, server } = mapperFor();
  await resolve(mapper, 'nosuch');
  assert.deepEqual(server.paths.sort(), ['/api', '/apis']);
});

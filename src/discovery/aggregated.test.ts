import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertAggregated, isAggregatedContentType } from './aggregated.js';
import { fixture } from './fake-server.test-helper.js';

test('the aggregated format is recognised from Content-Type, v2 and v2beta1, any parameter order', () => {
  assert.ok(
    isAggregatedContentType('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'),
  );
  assert.ok(
    isAggregatedContentType(
      'application/json; as=APIGroupDiscoveryList; v=v2beta1; g=apidiscovery.k8s.io',
    ),
  );
  assert.ok(!isAggregatedContentType('application/json'));
  assert.ok(
    !isAggregatedContentType(
      'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList',
    ),
  );
  assert.ok(!isAggregatedContentType(undefined));
});

test('stale versions are dropped and reported; the first fresh version is preferred', () => {
  const converted = convertAggregated({
    items: [
      {
        metadata: { name: 'metrics.example.com' },
        versions: [
          { version: 'v2', freshness: 'Stale', resources: [] },
          { version: 'v1', freshness: 'Current', resources: [] },
        ],
      },
    ],
  });
  assert.deepEqual(converted.groups[0]?.preferredVersion, {
    groupVersion: 'metrics.example.com/v1',
    version: 'v1',
  });
  assert.deepEqual(
    [...converted.failed],
    [['metrics.example.com/v2', 'stale GroupVersion discovery: metrics.example.com/v2']],
  );
  assert.equal(converted.resources.get('metrics.example.com/v1')?.resources, null);
});

test('subresources become parent/sub entries; resources without responseKind are dropped', () => {
  const converted = convertAggregated({
    items: [
      {
        metadata: { name: '' },
        versions: [
          {
            version: 'v1',
            resources: [
              {
                resource: 'things',
                scope: 'Namespaced',
                singularResource: 'thing',
                verbs: ['get'],
                subresources: [
                  {
                    subresource: 'status',
                    responseKind: { group: '', version: 'v1', kind: 'Thing' },
                    verbs: ['get'],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  });
  assert.deepEqual(converted.resources.get('v1')?.resources, [
    {
      name: 'things/status',
      singularName: 'thing',
      namespaced: true,
      kind: 'Thing',
      verbs: ['get'],
      version: 'v1',
    },
  ]);
});

test('the recorded server: pods/log and deployments/scale are known, with their own kinds', () => {
  const core = convertAggregated(JSON.parse(fixture('aggregated-api.json')));
  const apps = convertAggregated(JSON.parse(fixture('aggregated-apis.json')));
  const log = core.resources.get('v1')?.resources?.find((r) => r.name === 'pods/log');
  assert.equal(log?.kind, 'Pod');
  const scale = apps.resources
    .get('apps/v1')
    ?.resources?.find((r) => r.name === 'deployments/scale');
  assert.deepEqual([scale?.group, scale?.version, scale?.kind], ['autoscaling', 'v1', 'Scale']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  completeCommand,
  parseCommand,
  parseResourceArgs,
} from '../../../src/dashboard/model/commands.js';
import { contextSettings } from '../../../src/dashboard/model/context-settings.js';
import { labelSelectorString, podsOf } from '../../../src/dashboard/model/drill-down.js';
import { FrameScheduler } from '../../../src/dashboard/model/frame-scheduler.js';
import { RingBuffer } from '../../../src/dashboard/model/ring-buffer.js';
import { rememberNamespace } from '../../../src/dashboard/model/favourites.js';
import type { KubeConfig } from '../../../src/config/kubeconfig-types.js';
import { itemsOf } from '../../../src/resources/informer-items.js';
import { recordedTable } from './recorded.js';

test('frames: a burst of 1000 changes over 550 ms gives one flush per 100 ms, the first at once', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 10_000 });
  const flushes: number[] = [];
  const frames = new FrameScheduler(() => flushes.push(Date.now() - 10_000), 100);
  for (let elapsed = 0; elapsed < 550; elapsed += 10) {
    for (let i = 0; i < 20; i++) frames.schedule();
    t.mock.timers.tick(10);
  }
  for (let rest = 0; rest < 150; rest += 10) t.mock.timers.tick(10);
  // the first flush on the first tick, then one per 100 ms however many changes came
  assert.deepEqual(flushes, [10, 110, 210, 310, 410, 510, 610]);
});

test(':commands: a type with k9s arguments (namespace, labels, /filter, @context); ns and ctx', () => {
  assert.deepEqual(parseCommand('deploy'), { kind: 'resource', type: 'deploy', scope: {} });
  assert.deepEqual(parseCommand('po kube-system'), {
    kind: 'resource',
    type: 'po',
    scope: { namespace: 'kube-system' },
  });
  assert.deepEqual(parseCommand('pods all'), {
    kind: 'resource',
    type: 'pods',
    scope: { namespace: '' },
  });
  assert.deepEqual(parseResourceArgs('demo @kind-b app=app,tier!=db /db-(0|1) x'), {
    namespace: 'demo',
    context: 'kind-b',
    labelSelector: 'app=app,tier!=db',
    filter: 'db-(0|1) x',
  });
  assert.deepEqual(parseResourceArgs('@kind-b app=web'), {
    context: 'kind-b',
    labelSelector: 'app=web',
  });
  assert.deepEqual(parseCommand('ns'), { kind: 'namespaces' });
  assert.deepEqual(parseCommand('ns demo'), { kind: 'namespace', name: 'demo' });
  assert.deepEqual(parseCommand('ctx'), { kind: 'contexts' });
  assert.deepEqual(parseCommand('ctx other'), { kind: 'context', name: 'other' });
  assert.deepEqual(parseCommand('q'), { kind: 'quit' });
  assert.deepEqual(parseCommand('  '), { kind: 'empty' });
});

test('completion: discovery names as given (plural first), command words, context names after :ctx', () => {
  const names = ['deployments', 'pods', 'widgets', 'deploy', 'widget', 'wd'];
  assert.equal(completeCommand('dep', names, [])[0], 'deployments');
  assert.deepEqual(completeCommand('wid', names, []), ['widgets', 'widget']);
  assert.deepEqual(completeCommand('n', names, []), ['ns', 'namespace']);
  assert.deepEqual(completeCommand('ctx pr', names, ['dev', 'prod', 'prod-eu']), [
    'ctx prod',
    'ctx prod-eu',
  ]);
});

test('drill-down: workloads by selector (matchExpressions too), services by selector, nodes by spec.nodeName', () => {
  const deploy = {
    metadata: { name: 'web', namespace: 'demo' },
    spec: {
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
    },
  };
  assert.deepEqual(podsOf('deployments', deploy), {
    namespace: 'demo',
    labelSelector: 'app=web,tier in (a,b),!canary',
    title: 'deployments/web',
  });
  assert.deepEqual(podsOf('nodes', { metadata: { name: 'n1' } }), {
    namespace: '',
    fieldSelector: 'spec.nodeName=n1',
    title: 'node/n1',
  });
  assert.deepEqual(
    podsOf('services', {
      metadata: { name: 's', namespace: 'd' },
      spec: { selector: { app: 'x' } },
    }),
    { namespace: 'd', labelSelector: 'app=x', title: 'services/s' },
  );
  assert.equal(podsOf('configmaps', { metadata: { name: 'c' } }), undefined);
  assert.equal(
    labelSelectorString({
      matchExpressions: [
        { key: 'k', operator: 'NotIn', values: ['v'] },
        { key: 'e', operator: 'Exists' },
      ],
    }),
    'k notin (v),e',
  );
});

test('per-context settings come from the kubeconfig context extension named ktl', () => {
  const config = {
    contexts: new Map([
      [
        'prod',
        {
          name: 'prod',
          origin: 'f',
          value: {
            cluster: 'c',
            extensions: [
              { name: 'ktl', extension: { readonly: true, favourites: ['web', 7, 'db'] } },
            ],
          },
        },
      ],
      ['dev', { name: 'dev', origin: 'f', value: { cluster: 'c' } }],
    ]),
  } as unknown as KubeConfig;
  assert.deepEqual(contextSettings(config, 'prod'), { readonly: true, favourites: ['web', 'db'] });
  assert.deepEqual(contextSettings(config, 'dev'), { readonly: false, favourites: [] });
  assert.deepEqual(rememberNamespace(['web', 'db'], 'ops'), ['ops', 'web', 'db']);
  assert.deepEqual(
    rememberNamespace(['web', 'db'], 'db'),
    ['web', 'db'],
    'known favourites keep their keys',
  );
});

test('the log buffer is bounded and keeps the newest lines', () => {
  const buffer = new RingBuffer<string>(3);
  for (const line of ['a', 'b', 'c', 'd', 'e']) buffer.push(line);
  assert.equal(buffer.length, 3);
  assert.equal(buffer.dropped, 2);
  assert.deepEqual(buffer.slice(0), ['c', 'd', 'e']);
  assert.deepEqual(buffer.slice(1, 2), ['d']);
});

test('table-mode items keep the row and metadata but drop managedFields (recorded pods Table)', () => {
  const table = recordedTable('pods-table.json');
  const recordedRows = table.rows as { object: { metadata: Record<string, unknown> } }[];
  assert.ok(
    recordedRows.some((row) => row.object.metadata['managedFields'] !== undefined),
    'the recording has managedFields',
  );
  const items = itemsOf(structuredClone(table), true);
  assert.equal(items.length, recordedRows.length);
  for (const item of items) {
    assert.equal(item.object.metadata?.managedFields, undefined);
    assert.ok(item.object.metadata?.uid && item.row?.cells.length);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/resources/kube-object.js';
import { slimObject } from '../../../src/dashboard/model/xray/xray-objects.js';
import { flattenTree, nodeTitle } from '../../../src/dashboard/model/xray/xray-lines.js';
import type { XrayData, XrayRoot } from '../../../src/dashboard/model/xray/xray-tree.js';
import { buildXrayTree } from '../../../src/dashboard/model/xray/xray-tree.js';
import { parseCommand } from '../../../src/dashboard/model/commands.js';

const owner = (uid: string) => [{ uid, controller: true }];

const deployment: KubeObject = {
  metadata: { name: 'web', namespace: 'demo', uid: 'd1' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { spec: {} } },
  status: { availableReplicas: 1, unavailableReplicas: 1 },
};
const replicaSets: KubeObject[] = [
  {
    metadata: { name: 'web-new', namespace: 'demo', uid: 'r2', ownerReferences: owner('d1') },
    spec: { replicas: 2 },
    status: { readyReplicas: 1 },
  },
  {
    // An old revision with no pods: left out.
    metadata: { name: 'web-old', namespace: 'demo', uid: 'r1', ownerReferences: owner('d1') },
    spec: { replicas: 0 },
    status: {},
  },
];

function pod(name: string, ready: boolean, extra: Record<string, unknown> = {}): KubeObject {
  return {
    metadata: {
      name,
      namespace: 'demo',
      uid: `p-${name}`,
      labels: { app: 'web' },
      ownerReferences: owner('r2'),
      managedFields: [{ manager: 'x' }],
    },
    spec: {
      serviceAccountName: 'web-sa',
      containers: [
        {
          name: 'app',
          image: 'nginx',
          env: [
            { name: 'PLAIN', value: 'x' },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
          ],
          envFrom: [{ configMapRef: { name: 'settings' } }],
        },
      ],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'extra', secret: { secretName: 'optional-one', optional: true } },
      ],
      ...extra,
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: String(ready) }],
      containerStatuses: [{ name: 'app', ready, state: { running: { startedAt: 'x' } } }],
    },
  };
}

function data(
  root: XrayRoot,
  objects: Record<string, KubeObject[]>,
  known?: Record<string, string[]>,
): XrayData {
  const names = new Map<string, Set<string>>();
  for (const [resource, list] of Object.entries(known ?? {})) names.set(resource, new Set(list));
  return {
    root,
    objects: new Map(Object.entries(objects).map(([k, v]) => [k, v.map(slimObject)])),
    names,
  };
}

test('xray deployments: namespace → deployment → its live ReplicaSet → pods → containers and what they use', () => {
  const tree = buildXrayTree(
    data(
      'deployments',
      {
        deployments: [deployment],
        replicasets: replicaSets,
        pods: [pod('web-b', false), pod('web-a', true)],
      },
      {
        configmaps: ['demo/settings'],
        secrets: [],
        serviceaccounts: ['demo/web-sa'],
        persistentvolumeclaims: ['demo/data'],
      },
    ),
  );
  const lines = flattenTree(tree, { allCollapsed: false, flipped: new Set() }).map(
    (l) => `${l.guide}${nodeTitle(l.node)}`,
  );
  assert.deepEqual(lines, [
    'namespace/demo(1)',
    '└─ deployment/web(1) [1/2/1]  TOAST',
    '   └─ replicaset/web-new(2) [1/2]  TOAST',
    '      ├─ pod/web-a(4) [1/1]',
    '      │  ├─ container/app(2) [running]',
    '      │  │  ├─ secret/db  TOAST_REF',
    '      │  │  └─ configmap/settings',
    '      │  ├─ persistentvolumeclaim/data',
    '      │  ├─ secret/optional-one',
    '      │  └─ serviceaccount/web-sa',
    '      └─ pod/web-b(4) [0/1]  TOAST',
    '         ├─ container/app(2) [running]',
    '         │  ├─ secret/db  TOAST_REF',
    '         │  └─ configmap/settings',
    '         ├─ persistentvolumeclaim/data',
    '         ├─ secret/optional-one',
    '         └─ serviceaccount/web-sa',
  ]);
});

test('xray: references are not marked missing before their type has listed', () => {
  const tree = buildXrayTree(data('pods', { pods: [pod('web-a', true)] }));
  const titles = flattenTree(tree, { allCollapsed: false, flipped: new Set() }).map((l) =>
    nodeTitle(l.node),
  );
  assert.ok(!titles.some((t) => t.includes('TOAST_REF')), titles.join('\n'));
});

test('xray services: the pods the selector selects, none without a selector', () => {
  const services: KubeObject[] = [
    { metadata: { name: 'web', namespace: 'demo', uid: 's1' }, spec: { selector: { app: 'web' } } },
    { metadata: { name: 'external', namespace: 'demo', uid: 's2' }, spec: {} },
  ];
  const other = pod('db-0', true);
  other.metadata = { ...other.metadata, labels: { app: 'db' } };
  const tree = buildXrayTree(data('services', { services, pods: [pod('web-a', true), other] }));
  const collapsedPods = {
    allCollapsed: false,
    flipped: new Set(['namespaces/demo>services/web>pods/web-a']),
  };
  const lines = flattenTree(tree, collapsedPods).map(
    (l) => `${l.guide}${l.collapsed ? '+' : ''}${nodeTitle(l.node)}`,
  );
  assert.deepEqual(lines, [
    'namespace/demo(2)',
    '├─ service/external',
    '└─ service/web(1)',
    '   └─ +pod/web-a(4) [1/1]',
  ]);
});

test('xray: x collapses everything below the namespaces; a flipped node opens again', () => {
  const tree = buildXrayTree(
    data('deployments', {
      deployments: [deployment],
      replicasets: replicaSets,
      pods: [pod('web-a', true)],
    }),
  );
  const all = flattenTree(tree, { allCollapsed: true, flipped: new Set() });
  assert.deepEqual(
    all.map((l) => nodeTitle(l.node)),
    ['namespace/demo(1)', 'deployment/web(1) [1/2/1]  TOAST'],
  );
  const one = flattenTree(tree, {
    allCollapsed: true,
    flipped: new Set(['namespaces/demo>deployments/web']),
  });
  assert.equal(one.length, 3);
});

test('xray: a cached pod keeps only what the tree reads', () => {
  const slim = slimObject(pod('web-a', true));
  const text = JSON.stringify(slim);
  assert.ok(!text.includes('managedFields'));
  assert.ok(!text.includes('nginx'), 'the image is not kept');
  assert.ok(!text.includes('PLAIN'), 'plain env values are not kept');
  assert.ok(text.includes('"secretKeyRef"'));
  const deploymentSlim = JSON.stringify(slimObject(deployment));
  assert.ok(!deploymentSlim.includes('template'));
  assert.ok(deploymentSlim.includes('matchLabels'));
});

test(':xray TYPE [ns] parses, with k9s aliases and all', () => {
  assert.deepEqual(parseCommand('xray deploy'), { kind: 'xray', type: 'deploy' });
  assert.deepEqual(parseCommand('xray dp all'), {
    kind: 'xray',
    type: 'deployments.apps',
    namespace: '',
  });
  assert.deepEqual(parseCommand('xray svc demo'), { kind: 'xray', type: 'svc', namespace: 'demo' });
});

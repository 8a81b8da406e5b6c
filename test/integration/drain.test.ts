/**
 * `drain` side by side with kubectl: the same pods on a node of each tool's own (a ReplicaSet
 * pod, a bare pod, a DaemonSet pod and an emptyDir pod, bound with spec.nodeName), the same
 * commands, the same output (pod lines sorted, as kubectl evicts in parallel), exit codes and
 * pods left behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';
import { testNodes } from '../helpers/nodes.js';

interface Side {
  node: string;
  group: string;
  ns: string;
}

const toleration = { key: 'ktl-test', operator: 'Exists', effect: 'NoSchedule' };
const container = { name: 'c', image: 'busybox' };

async function populate(side: Side): Promise<void> {
  const { node, group, ns } = side;
  const podSpec = { nodeName: node, containers: [container], tolerations: [toleration] };
  const items = [
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs', namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'rs' } },
        template: { metadata: { labels: { app: 'rs' } }, spec: podSpec },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds', namespace: ns },
      spec: {
        selector: { matchLabels: { app: 'ds' } },
        template: {
          metadata: { labels: { app: 'ds' } },
          spec: {
            nodeSelector: { 'ktl-test-nodes': group },
            containers: [container],
            tolerations: [toleration],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: ns }, spec: podSpec },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'scratch', namespace: ns },
      spec: { ...podSpec, volumes: [{ name: 'v', emptyDir: {} }] },
    },
  ];
  await kubectlOk(['create', '-f', '-'], {
    input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
  });
  // The DaemonSet's own pod, bound directly (these nodes have no kubelet the scheduler can fit).
  const uid = await kubectlOk(['get', 'ds', 'ds', '-n', ns, '-o', 'jsonpath={.metadata.uid}']);
  const dsPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'ds-pod',
      namespace: ns,
      labels: { app: 'ds' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds', uid, controller: true },
      ],
    },
    spec: podSpec,
  };
  await kubectlOk(['create', '-f', '-'], { input: JSON.stringify(dsPod) });
  await kubectlOk(['wait', '--for=create', 'pod', '-l', 'app=rs', '-n', ns, '--timeout=30s']);
}

/** kubectl joins its warning groups in Go map order, which is random; the test sorts them. */
function goMapOrderSorted(line: string): string {
  // so are the failures of a node in `[a, b]`
  const failures = /^(.*due to error: \[)(.*)(\], continuing command\.\.\.)$/.exec(line);
  if (failures) {
    const items = (failures[2] ?? '').split(/, (?=cannot delete )/).sort();
    return `${failures[1] ?? ''}${items.join(', ')}${failures[3] ?? ''}`;
  }
  if (!line.startsWith('Warning: ')) return line;
  return `Warning: ${line.slice('Warning: '.length).split('; ').sort().join('; ')}`;
}

function normal(result: RunResult, side: Side): RunResult {
  const fix = (text: string): string =>
    text
      .replaceAll(side.node, 'NODE')
      .replaceAll(side.ns, 'NS')
      .replaceAll("'kubectl ", "'ktl ")
      .replace(/\brs-[a-z0-9]{5}\b/g, 'rs-X')
      .split('\n')
      .map(goMapOrderSorted)
      .sort()
      .join('\n');
  return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
}

async function podsLeft(side: Side): Promise<string> {
  const names = await kubectlOk([
    'get',
    'pods',
    '-n',
    side.ns,
    '-o',
    'jsonpath={range .items[*]}{.metadata.name}{" "}{.metadata.deletionTimestamp}{"\\n"}{end}',
  ]);
  // the ReplicaSet puts a new pod back on the node at once (its template names the node)
  return names
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('rs-'))
    .map((line) => line.split(' ')[0] ?? '')
    .sort()
    .join(',');
}

const steps: Array<(node: string) => string[]> = [
  () => ['drain'],
  (node) => ['drain', node, '-l', 'x=y'],
  (node) => ['drain', node, '--dry-run=client', '--force', '--ignore-daemonsets'],
  (node) => ['drain', node],
  (node) => ['drain', node, '--force'],
  (node) => ['drain', node, '--ignore-daemonsets', '--delete-emptydir-data'],
  (node) => [
    'drain',
    node,
    '--force',
    '--ignore-daemonsets',
    '--delete-emptydir-data',
    '--dry-run=server',
  ],
  (node) => [
    'drain',
    node,
    '--force',
    '--ignore-daemonsets',
    '--delete-emptydir-data',
    '--grace-period=0',
    '--pod-selector=app!=rs',
  ],
];

test('drain behaves as kubectl: refusals, warnings, evictions and pods left', async (t) => {
  const sides: Side[] = [];
  for (let i = 0; i < 2; i++) {
    const nodes = await testNodes(t, 1);
    const side = { node: nodes.names[0] ?? '', group: nodes.group, ns: await testNamespace(t) };
    await populate(side);
    sides.push(side);
  }
  const [ours, theirs] = sides as [Side, Side];
  for (const step of steps) {
    const got = normal(await ktl(step(ours.node)), ours);
    const want = normal(await kubectl(step(theirs.node)), theirs);
    const label = step('NODE').join(' ');
    assert.deepEqual(got, want, label);
    assert.equal(await podsLeft(ours), await podsLeft(theirs), label);
  }
});

test('drain --disable-eviction deletes the pods as kubectl does', async (t) => {
  const sides: Side[] = [];
  for (let i = 0; i < 2; i++) {
    const nodes = await testNodes(t, 1);
    const side = { node: nodes.names[0] ?? '', group: nodes.group, ns: await testNamespace(t) };
    await populate(side);
    sides.push(side);
  }
  const [ours, theirs] = sides as [Side, Side];
  const args = (node: string): string[] => [
    'drain',
    node,
    '--force',
    '--ignore-daemonsets',
    '--delete-emptydir-data',
    '--grace-period=0',
    '--disable-eviction',
    '--pod-selector=app!=rs',
  ];
  const got = normal(await ktl(args(ours.node)), ours);
  const want = normal(await kubectl(args(theirs.node)), theirs);
  assert.deepEqual(got, want);
  assert.equal(await podsLeft(ours), await podsLeft(theirs));
});

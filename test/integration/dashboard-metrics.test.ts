/**
 * CPU and memory beside pods and nodes (k9s's CPU, MEM, %CPU/R, %MEM/R) in wide mode (`w`), from
 * the local cluster's metrics-server: kwok reports the usage a pod's annotations ask for. Without access
 * to the metrics API the cells say n/a and nothing complains.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectl, kubectlOk, viewerKubeconfig } from '../helpers/cluster.js';
import { DashboardFixture, tableLines, titleLine } from './dashboard-terminal.js';

const BUSY = `
apiVersion: v1
kind: Pod
metadata:
  name: busy
  annotations:
    kwok.x-k8s.io/usage-cpu: 150m
    kwok.x-k8s.io/usage-memory: 64Mi
spec:
  containers:
  - name: main
    image: busybox
    resources: {requests: {cpu: 300m, memory: 128Mi}}
`;

const dash = new DashboardFixture({ columns: 150, rows: 30, inNamespace: true });
let namespace = '';

before(async () => {
  namespace = await dash.createNamespace('ktl-usage');
  await kubectlOk(['apply', '-n', namespace, '-f', '-'], { input: BUSY });
  await kubectlOk(['run', 'plain', '--image=busybox', '-n', namespace]);
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/busy', 'pod/plain', '-n', namespace]);
  // metrics-server scrapes every few seconds: wait until it knows the pod (as kubectl sees it).
  const deadline = Date.now() + 120_000;
  for (;;) {
    const top = await kubectl(['top', 'pod', 'busy', '-n', namespace, '--no-headers']);
    if (/^busy\s+150m\s+64Mi/.test(top.stdout)) break;
    if (Date.now() > deadline)
      throw new Error(`metrics-server never reported pod busy: ${top.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
});

after(() => dash.cleanUp());

/** The cells of a row, by the names of the header's columns. */
function cellsOf(screen: string, name: string): Record<string, string> {
  const lines = screen.split('\n');
  const header = lines.find((l) => /^NAME\s/.test(l)) ?? '';
  const names = header.trim().split(/\s+/);
  const row = tableLines(screen).find((l) => l.startsWith(`${name} `)) ?? '';
  const cells = row.trim().split(/\s+/);
  return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
}

test('w: pods show CPU, MEM and their share of the requests; a pod without requests shows n/a there', async () => {
  const t = dash.open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  assert.match(t.screen(), /^NAME +READY +STATUS +RESTARTS +AGE$/m);
  t.keys(['w']);
  const screen = await t.waitFor(
    (s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && cellsOf(s, 'busy')['%CPU/R'] === '50',
    30_000,
  );
  assert.match(screen, /^NAME +READY +STATUS +RESTARTS +CPU +MEM +%CPU\/R +%MEM\/R +AGE/m);
  assert.deepEqual(Object.values(cellsOf(screen, 'busy')).slice(4, 8), [
    '150m',
    '64Mi',
    '50',
    '50',
  ]);
  const plain = cellsOf(screen, 'plain');
  assert.match(plain['CPU'] ?? '', /^\d+m$/);
  assert.deepEqual([plain['%CPU/R'], plain['%MEM/R']], ['n/a', 'n/a']);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('w: nodes show CPU and memory and their share of the allocatable', async () => {
  const t = dash.open(['nodes']);
  await t.waitFor((s) => /^nodes\[\d+\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['w']);
  const screen = await t.waitFor(
    (s) =>
      /^nodes\[\d+\]/.test(titleLine(s)) && /^\d+$/.test(cellsOf(s, 'kwok-node-0')['%CPU'] ?? ''),
    30_000,
  );
  assert.match(screen, /^NAME +STATUS +ROLES +CPU +%CPU +MEM +%MEM +AGE/m);
  const node = cellsOf(screen, 'kwok-node-0');
  assert.match(node['%CPU'] ?? '', /^\d+$/);
  assert.match(node['MEM'] ?? '', /^\d+Mi$/);
  assert.match(node['%MEM'] ?? '', /^\d+$/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('a user who may not read the metrics API sees n/a, and no error', async () => {
  const t = dash.open([], { kubeconfig: viewerKubeconfig });
  await t.waitFor((s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['w']);
  const screen = await t.waitFor(
    (s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && cellsOf(s, 'busy')['CPU'] === 'n/a',
    30_000,
  );
  assert.deepEqual(Object.values(cellsOf(screen, 'busy')).slice(4, 8), [
    'n/a',
    'n/a',
    'n/a',
    'n/a',
  ]);
  assert.match(screen.trimEnd().split('\n').at(-1) ?? '', /^<:> command/);
  assert.doesNotMatch(screen, /forbidden|error/i);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

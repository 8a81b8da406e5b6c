/**
 * CPU and memory beside pods and nodes (k9s's CPU, MEM, %CPU/R, %MEM/R), shown by default as k9s
 * shows them, from the local cluster's metrics-server: kwok reports the usage a pod's annotations
 * ask for. Without access to the metrics API the columns are left out and nothing complains.
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

test('pods show CPU, MEM and their share of the requests by default; a pod without requests shows n/a there', async () => {
  const t = dash.open([]);
  const screen = await t.waitFor(
    (s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && cellsOf(s, 'busy')['%CPU/R'] === '50',
    30_000,
  );
  assert.match(screen, /^NAME +READY +STATUS +RESTARTS +CPU +MEM +%CPU\/R +%MEM\/R +AGE$/m);
  assert.deepEqual(Object.values(cellsOf(screen, 'busy')).slice(4, 8), [
    '150m',
    '64Mi',
    '50',
    '50',
  ]);
  const plain = cellsOf(screen, 'plain');
  assert.match(plain['CPU'] ?? '', /^\d+m$/);
  assert.deepEqual([plain['%CPU/R'], plain['%MEM/R']], ['n/a', 'n/a']);
  // wide mode adds kubectl's wide columns after them
  t.keys(['w']);
  const wide = await t.waitFor((s) => /^NAME .* IP +NODE/m.test(s));
  assert.match(wide, /^NAME +READY +STATUS +RESTARTS +CPU +MEM +%CPU\/R +%MEM\/R +AGE +IP +NODE/m);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('nodes show CPU and memory and their share of the allocatable by default', async () => {
  const t = dash.open(['nodes']);
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

test('a user who may not read the metrics API sees no usage columns, and no error', async () => {
  const viewer = dash.open([], { kubeconfig: viewerKubeconfig });
  await viewer.waitFor((s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  // An admin's dashboard opened after it shows usage: by then the viewer's has asked too.
  const admin = dash.open([]);
  await admin.waitFor((s) => cellsOf(s, 'busy')['CPU'] === '150m', 30_000);
  admin.keys(['q']);
  assert.equal(await admin.exited(), 0);
  const screen = viewer.screen();
  assert.match(screen, /^NAME +READY +STATUS +RESTARTS +AGE$/m);
  assert.match(screen.trimEnd().split('\n').at(-1) ?? '', /^<:> command/);
  assert.doesNotMatch(screen, /forbidden|error|n\/a/i);
  viewer.keys(['q']);
  assert.equal(await viewer.exited(), 0);
});

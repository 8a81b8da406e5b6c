/**
 * `:xray TYPE [NAMESPACE]` (k9s's xray) against the real cluster: the tree of a Deployment, its
 * ReplicaSet, pods, containers and what they use, kept live, navigable and collapsible.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectl, kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, lineStyles, titleLine } from './dashboard-terminal.js';

const APP = `
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {mode: fast}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx
        envFrom: [{configMapRef: {name: settings}}]
        env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db-secret, key: pw}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

const dash = new DashboardFixture({ columns: 140, rows: 40, inNamespace: true });
let namespace = '';

before(async () => {
  namespace = await dash.createNamespace('ktl-xray');
  await kubectlOk(['apply', '-n', namespace, '-f', '-'], { input: APP });
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
});

after(() => dash.cleanUp());

/** The tree's lines (after the title line, before the footer). */
function treeLines(screen: string): string[] {
  return screen
    .split('\n')
    .slice(3)
    .filter((l) => l.trim() !== '' && !l.startsWith('<:>'));
}

/** The tree's line that is drawn inverse (the selection). */
function selectedLine(t: { screenWithEscapes(): string }): string {
  return (
    lineStyles(t.screenWithEscapes())
      .find((l) => l.inverse)
      ?.text.trim() ?? ''
  );
}

test(':xray deploy draws Deployment → ReplicaSet → Pods → containers and the objects they use, live', async () => {
  const t = dash.open([]);
  await t.waitFor(/synced/);
  t.together([':xray deploy', 'Enter']);
  let screen = await t.waitFor(
    (s) =>
      /^xray-deployments\(ktl-xray[^)]*\)\[1\]$/.test(titleLine(s)) &&
      /pod\/web-\S+\(3\) \[1\/1\]/.test(s),
  );
  const lines = treeLines(screen);
  assert.equal(lines[0], `- namespace/${namespace}(1)`);
  assert.equal(lines[1], '└─ - deployment/web(1) [2/2/0]');
  assert.match(lines[2] ?? '', /^ {3}└─ - replicaset\/web-\w+\(2\) \[2\/2\]$/);
  assert.match(lines[3] ?? '', /^ {6}├─ - pod\/web-\S+\(3\) \[1\/1\]$/);
  assert.match(lines[4] ?? '', /^ {6}│ {2}├─ - container\/nginx\(2\) \[running\]$/);
  // The Secret the environment reads does not exist: k9s's TOAST_REF.
  assert.equal(lines[5], '      │  │  ├─ secret/db-secret  TOAST_REF');
  assert.equal(lines[6], '      │  │  └─ configmap/settings');
  assert.match(screen, /serviceaccount\/default/);

  // Live: the missing Secret appears, a third replica comes.
  await kubectlOk([
    'create',
    'secret',
    'generic',
    'db-secret',
    '--from-literal=pw=x',
    '-n',
    namespace,
  ]);
  await kubectlOk(['scale', 'deployment/web', '--replicas=3', '-n', namespace]);
  screen = await t.waitFor(
    (s) => /deployment\/web\(1\) \[3\/3\/0\]/.test(s) && !/TOAST_REF/.test(s),
    20_000,
  );
  assert.equal(treeLines(screen).filter((l) => /─ - pod\//.test(l)).length, 3);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('xray: j/k move, space collapses a node, x collapses and expands all; d, y and enter act on the selected node', async () => {
  const t = dash.open([]);
  await t.waitFor(/synced/);
  t.together([':xray deployments ', namespace, 'Enter']);
  await t.waitFor((s) => /pod\/web-\S+\(3\)/.test(s));
  assert.match(selectedLine(t), /namespace\//);
  t.keys(['j', 'j']);
  await t.waitFor(() => /replicaset\/web-/.test(selectedLine(t)));
  t.keys(['Space']);
  let screen = await t.waitFor((s) => /└─ \+ replicaset\/web-/.test(s));
  assert.ok(!/pod\/web-/.test(screen), 'the pods are hidden under the collapsed ReplicaSet');
  t.keys(['Space']);
  await t.waitFor((s) => /pod\/web-/.test(s));
  t.keys(['x']);
  screen = await t.waitFor((s) => /└─ \+ deployment\/web/.test(s));
  assert.equal(treeLines(screen).length, 2);
  // The selection went up to the line still shown.
  assert.match(selectedLine(t), /deployment\/web/);
  t.keys(['x', 'j', 'j']);
  await t.waitFor(() => /pod\/web-/.test(selectedLine(t)));
  const pod = /pod\/(web-\S+)\(/.exec(selectedLine(t))?.[1] ?? '';
  t.keys(['d']);
  await t.waitFor((s) => titleLine(s).startsWith(`describe pod/${pod}`) && /Containers:/.test(s));
  t.keys(['Escape', 'y']);
  await t.waitFor((s) => titleLine(s).startsWith(`yaml pod/${pod}`) && /kind: Pod/.test(s));
  t.keys(['Escape', 'k', 'k']);
  await t.waitFor(() => /deployment\/web/.test(selectedLine(t)));
  t.keys(['Enter']);
  screen = await t.waitFor((s) => /^deployments\(ktl-xray[^)]*\)\[1\]/.test(titleLine(s)));
  t.keys(['Escape']);
  await t.waitFor((s) => /^xray-deployments/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test(':xray svc shows the pods a Service selects; a type xray cannot draw is refused', async () => {
  const t = dash.open([]);
  await t.waitFor(/synced/);
  t.together([':xray svc', 'Enter']);
  await t.waitFor((s) => /service\/web\(\d\)/.test(s) && /pod\/web-/.test(s));
  t.together([':xray configmaps', 'Enter']);
  await t.waitFor(/xray: configmaps cannot be shown as a tree \(deployments, statefulsets/);
  t.together([':xray deploy nosuchns', 'Enter']);
  await t.waitFor(/namespace "nosuchns" not found/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
  // Nothing was changed by looking.
  const result = await kubectl(['get', 'deployment', 'web', '-n', namespace, '-o', 'name']);
  assert.equal(result.stdout.trim(), 'deployment.apps/web');
});

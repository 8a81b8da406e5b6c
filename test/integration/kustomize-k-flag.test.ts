/**
 * `-k DIR` on apply, get, diff and delete against the real cluster, side by side with kubectl:
 * the same output (namespace names aside) and the same objects left behind. Each tool gets a
 * namespace of its own and a kustomization that puts everything in it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

/** A kustomization (base + overlay) whose objects all land in `namespace`. */
function kustomization(t: TestContext, namespace: string, replicas: number): string {
  const root = mkdtempSync(join(tmpdir(), 'ktl-k-flag-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'base'));
  mkdirSync(join(root, 'overlay'));
  writeFileSync(
    join(root, 'base', 'kustomization.yaml'),
    `resources: [app.yaml]
configMapGenerator:
- name: settings
  literals: [mode=base]
`,
  );
  writeFileSync(
    join(root, 'base', 'app.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        envFrom: [{configMapRef: {name: settings}}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
  );
  writeFileSync(
    join(root, 'overlay', 'kustomization.yaml'),
    `resources: [../base]
namespace: ${namespace}
namePrefix: k-
commonLabels: {suite: k-flag}
replicas: [{name: web, count: ${replicas}}]
`,
  );
  return join(root, 'overlay');
}

/** Runs ktl with one argument list and kubectl with the other. */
async function both(
  mine: string[],
  theirs: string[],
): Promise<{ ours: RunResult; their: RunResult }> {
  return { ours: await ktl(mine), their: await kubectl(theirs) };
}

/** Output with the tool's namespace name replaced, so the two runs compare. */
function same(ours: string, theirs: string, mine: string, their: string): void {
  assert.equal(ours.replaceAll(mine, 'NS'), theirs.replaceAll(their, 'NS'));
}

test('apply -k, get -k, diff -k and delete -k behave as kubectl', async (t) => {
  const mine = await testNamespace(t, 'kflag-m');
  const theirs = await testNamespace(t, 'kflag-k');
  const [dirMine, dirTheirs] = [kustomization(t, mine, 2), kustomization(t, theirs, 2)];

  const applied = await both(['apply', '-k', dirMine], ['apply', '-k', dirTheirs]);
  assert.equal(applied.ours.code, 0, applied.ours.stderr);
  same(applied.ours.stdout, applied.their.stdout, mine, theirs);
  assert.equal(applied.ours.stderr, applied.their.stderr);

  const objects = async (ns: string): Promise<string> =>
    kubectlOk(['get', 'deploy,svc,cm', '-n', ns, '-l', 'suite=k-flag', '-o', 'name']);
  same(await objects(mine), await objects(theirs), mine, theirs);
  const replicas = ['get', 'deploy/k-web', '-n', mine, '-o', 'jsonpath={.spec.replicas}'];
  assert.equal(await kubectlOk(replicas), '2');

  const got = await both(
    ['get', '-k', dirMine, '-o', 'name'],
    ['get', '-k', dirTheirs, '-o', 'name'],
  );
  assert.equal(got.ours.code, 0, got.ours.stderr);
  same(got.ours.stdout, got.their.stdout, mine, theirs);

  const unchanged = await both(['diff', '-k', dirMine], ['diff', '-k', dirTheirs]);
  assert.equal(unchanged.ours.code, 0, unchanged.ours.stderr);
  assert.equal(unchanged.their.code, 0);
  const changed = await both(
    ['diff', '-k', kustomization(t, mine, 3)],
    ['diff', '-k', kustomization(t, theirs, 3)],
  );
  assert.equal(changed.ours.code, 1, changed.ours.stderr);
  assert.equal(changed.their.code, 1);
  const hunks = (text: string): string =>
    text
      .split('\n')
      .filter((l) => /^[-+] /.test(l))
      .join('\n');
  same(hunks(changed.ours.stdout), hunks(changed.their.stdout), mine, theirs);

  const deleted = await both(
    ['delete', '-k', dirMine, '--wait=false'],
    ['delete', '-k', dirTheirs, '--wait=false'],
  );
  assert.equal(deleted.ours.code, 0, deleted.ours.stderr);
  same(deleted.ours.stdout, deleted.their.stdout, mine, theirs);
});

test('-k with -f or -R, and -k of a file or missing directory, fail as kubectl does', async (t) => {
  const namespace = await testNamespace(t, 'kflag-err');
  const dir = kustomization(t, namespace, 1);
  const cases = [
    ['apply', '-k', dir, '-f', join(dir, 'kustomization.yaml')],
    ['apply', '-k', dir, '-R'],
    ['get', '-k', dir, '-f', join(dir, 'kustomization.yaml')],
    ['delete', '-k', dir, '-R'],
    ['diff', '-k', dir, '-f', join(dir, 'kustomization.yaml')],
    ['apply', '-k', join(dir, 'kustomization.yaml')],
    ['get', '-k', join(dir, 'missing')],
  ];
  for (const args of cases) {
    const ours = await ktl(args);
    const theirs = await kubectl(args);
    assert.equal(ours.stderr, theirs.stderr, args.join(' '));
    assert.equal(ours.code, theirs.code, args.join(' '));
    assert.equal(ours.stdout, '');
  }
});

test('create, describe, edit, label, annotate, patch, scale, rollout and certificate take -k as kubectl does', async (t) => {
  const mine = await testNamespace(t, 'kverbs-m');
  const theirs = await testNamespace(t, 'kverbs-k');
  const [dirMine, dirTheirs] = [kustomization(t, mine, 1), kustomization(t, theirs, 1)];
  // Each step runs in both namespaces; outputs compare with the namespace names replaced.
  const step = async (
    args: string[],
    env?: Record<string, string>,
    volatile: (text: string) => string = (text) => text,
  ): Promise<RunResult> => {
    const options = env ? { env } : {};
    const ours = await ktl(
      args.map((a) => (a === 'DIR' ? dirMine : a)),
      options,
    );
    const their = await kubectl(
      args.map((a) => (a === 'DIR' ? dirTheirs : a)),
      options,
    );
    const what = args.join(' ');
    assert.equal(ours.code, their.code, `${what}: ${ours.stderr}`);
    const dirs = (text: string, dir: string): string =>
      volatile(text.replaceAll(dir, 'DIR').replaceAll("See 'kubectl ", "See 'ktl "));
    same(dirs(ours.stdout, dirMine), dirs(their.stdout, dirTheirs), mine, theirs);
    same(dirs(ours.stderr, dirMine), dirs(their.stderr, dirTheirs), mine, theirs);
    return ours;
  };
  const created = await step(['create', '-k', 'DIR']);
  assert.equal(created.code, 0, created.stderr);
  await step(['create', '-k', 'DIR']); // AlreadyExists, for every object
  await step(['create', '-k', 'DIR', '--dry-run=client', '-o', 'name']);
  const describeCm = ['describe', '-k', 'DIR', '--show-events=false'];
  // addresses and creation times differ between the two namespaces' objects
  const addressesAndTimes = (text: string): string =>
    text.replace(/\d+\.\d+\.\d+\.\d+/g, 'IP').replace(/^(CreationTimestamp: +).*$/gm, '$1T');
  const described = await step(describeCm, undefined, addressesAndTimes);
  assert.match(described.stdout, /^Name: +k-settings-/m);
  await step(['edit', '-k', 'DIR'], { EDITOR: 'true', KUBE_EDITOR: 'true' }); // no change
  await step(['label', '-k', 'DIR', 'tier=web']);
  await step(['annotate', '-k', 'DIR', 'note=k']);
  await step(['patch', '-k', 'DIR', '--type=merge', '-p', '{"metadata":{"labels":{"p":"1"}}}']);
  await step(['scale', '-k', 'DIR', '--replicas=2']); // only the Deployment scales
  await step(['rollout', 'history', '-k', 'DIR']);
  await step(['certificate', 'approve', '-k', 'DIR']);
  const labels = ['get', 'deploy/k-web', '-n', mine, '-o', 'jsonpath={.metadata.labels.tier}'];
  assert.equal(await kubectlOk(labels), 'web');

  // kubectl's argument errors: -k with -f, with -R, with names; wait has no -k.
  const file = join(dirMine, 'kustomization.yaml');
  for (const args of [
    ['create', '-k', 'DIR', '-f', file],
    ['create', '-k', 'DIR', '-R'],
    ['describe', '-k', 'DIR', '-f', file],
    ['describe', '-k', 'DIR', 'configmap'],
    ['edit', '-k', 'DIR', '-R'],
    ['edit', '-k', 'DIR', 'deploy/k-web'],
    ['label', '-k', 'DIR', 'deploy', 'k-web', 'a=b'],
    ['wait', '--kustomize', 'DIR', '--for=delete'],
  ])
    assert.notEqual((await step(args)).code, 0, args.join(' '));
});

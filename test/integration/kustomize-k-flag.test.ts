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

/** Output with the tool's namespace name replaced, so the two runs compare. */
function same(ours: string, theirs: string, mine: string, their: string): void {
  assert.equal(ours.replaceAll(mine, 'NS'), theirs.replaceAll(their, 'NS'));
}

test('apply -k, get -k, diff -k and delete -k behave as kubectl', async (t) => {
  const mine = await testNamespace(t, 'kflag-m');
  const theirs = await testNamespace(t, 'kflag-k');
  const [dirMine, dirTheirs] = [kustomization(t, mine, 2), kustomization(t, theirs, 2)];

  const applied = [await ktl(['apply', '-k', dirMine]), await kubectl(['apply', '-k', dirTheirs])];
  assert.equal(applied[0].code, 0, applied[0].stderr);
  same(applied[0].stdout, applied[1].stdout, mine, theirs);
  assert.equal(applied[0].stderr, applied[1].stderr);

  const objects = async (ns: string): Promise<string> =>
    kubectlOk(['get', 'deploy,svc,cm', '-n', ns, '-l', 'suite=k-flag', '-o', 'name']);
  same(await objects(mine), await objects(theirs), mine, theirs);
  const replicas = await kubectlOk([
    'get',
    'deploy/k-web',
    '-n',
    mine,
    '-o',
    'jsonpath={.spec.replicas}',
  ]);
  assert.equal(replicas, '2');

  const got = [
    await ktl(['get', '-k', dirMine, '-o', 'name']),
    await kubectl(['get', '-k', dirTheirs, '-o', 'name']),
  ];
  assert.equal(got[0].code, 0, got[0].stderr);
  same(got[0].stdout, got[1].stdout, mine, theirs);

  const unchanged = [await ktl(['diff', '-k', dirMine]), await kubectl(['diff', '-k', dirTheirs])];
  assert.equal(unchanged[0].code, 0, unchanged[0].stderr);
  assert.equal(unchanged[1].code, 0);
  const [changedMine, changedTheirs] = [kustomization(t, mine, 3), kustomization(t, theirs, 3)];
  const changed = [
    await ktl(['diff', '-k', changedMine]),
    await kubectl(['diff', '-k', changedTheirs]),
  ];
  assert.equal(changed[0].code, 1, changed[0].stderr);
  assert.equal(changed[1].code, 1);
  const hunks = (text: string): string =>
    text
      .split('\n')
      .filter((l) => /^[-+] /.test(l))
      .join('\n');
  same(hunks(changed[0].stdout), hunks(changed[1].stdout), mine, theirs);

  const deleted = [
    await ktl(['delete', '-k', dirMine, '--wait=false']),
    await kubectl(['delete', '-k', dirTheirs, '--wait=false']),
  ];
  assert.equal(deleted[0].code, 0, deleted[0].stderr);
  same(deleted[0].stdout, deleted[1].stdout, mine, theirs);
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

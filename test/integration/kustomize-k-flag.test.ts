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

/**
 * `ktl apply view-last-applied` side by side with kubectl 1.34.4 on the same objects: stdout,
 * stderr and exit code of each argument form, and the objects left as they were.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const applied = `apiVersion: v1
kind: ConfigMap
metadata:
  name: applied
  labels: {tier: web}
data: {"y": "2", a: "<b>"}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: saved
data: {z: "3"}
`;

test('apply view-last-applied: every argument form prints what kubectl prints', async (t) => {
  const ns = await testNamespace(t, 'view-last');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-view-last-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'objects.yaml');
  writeFileSync(file, applied);
  await kubectlOk(['apply', '-f', file, '-n', ns]);
  await kubectlOk(['create', 'configmap', 'plain', '--from-literal=x=1', '-n', ns]);
  const before = await kubectlOk(['get', 'cm', '-n', ns, '-o', 'yaml']);
  const cases: string[][] = [
    ['cm/applied'],
    ['cm', 'applied', 'saved'],
    ['cm/applied', '-o', 'json'],
    ['cm'],
    ['cm', '-o', 'json'],
    ['cm', '-l', 'tier=web'],
    ['-f', file],
    ['-f', file, '-o', 'json'],
    ['-f', file, '--all'],
    ['cm/plain'],
    ['cm/applied', 'cm/missing', 'cm/saved'],
    ['cm/applied', '-o', 'name'],
    [],
    ['--all'],
    ['-l', 'tier=web'],
    ['cm', '--all'],
    ['nosuchtype/x'],
  ];
  for (const args of cases) {
    const words = ['apply', 'view-last-applied', ...args, '-n', ns];
    const [ours, theirs] = await Promise.all([ktl(words), kubectl(words)]);
    const label = args.join(' ') || '(no args)';
    assert.equal(ours.stdout, theirs.stdout, `stdout of ${label}`);
    assert.equal(ours.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${label}`);
    assert.equal(ours.code, theirs.code, `exit code of ${label}`);
  }
  assert.equal(await kubectlOk(['get', 'cm', '-n', ns, '-o', 'yaml']), before);
});

test('apply view-last-applied prints the annotation, not the live object', async (t) => {
  const ns = await testNamespace(t, 'view-last-live');
  await kubectlOk(['create', 'configmap', 'c', '--from-literal=k=v', '--save-config', '-n', ns]);
  await kubectlOk(['label', 'cm/c', 'extra=1', '-n', ns]);
  const result = await ktl(['apply', 'view-last-applied', 'cm/c', '-n', ns]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(
    result.stdout,
    `apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: ${ns}\n`,
  );
});

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

test('apply set-last-applied: output, errors and annotations left behind match kubectl', async (t) => {
  const mine = await testNamespace(t, 'set-last-m');
  const theirs = await testNamespace(t, 'set-last-k');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-last-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const saved = join(dir, 'saved.yaml');
  writeFileSync(
    saved,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: saved\ndata: {k: "<new>"}\n',
  );
  const plain = join(dir, 'plain.yaml');
  writeFileSync(
    plain,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata: {x: "2"}\n',
  );
  for (const ns of [mine, theirs]) {
    await kubectlOk([
      'create',
      'configmap',
      'saved',
      '--from-literal=k=v',
      '--save-config',
      '-n',
      ns,
    ]);
    await kubectlOk(['create', 'configmap', 'plain', '--from-literal=x=1', '-n', ns]);
  }
  const cases: string[][] = [
    [],
    ['cm/saved'],
    ['-f', plain],
    ['-f', saved, '--dry-run=client'],
    ['-f', saved, '-o', 'yaml', '--dry-run=server'],
    ['-f', saved],
    ['-f', saved],
    ['-f', plain, '--create-annotation', '-o', 'name'],
  ];
  for (const args of cases) {
    const label = args.join(' ') || '(no args)';
    const ours = await ktl(['apply', 'set-last-applied', ...args, '-n', mine]);
    const their = await kubectl(['apply', 'set-last-applied', ...args, '-n', theirs]);
    const scrub = (text: string, ns: string): string =>
      text
        .replaceAll(ns, 'NS')
        .replace(/(resourceVersion|uid|creationTimestamp|time): .*/g, '$1: X');
    assert.equal(scrub(ours.stdout, mine), scrub(their.stdout, theirs), `stdout of ${label}`);
    assert.equal(ours.stderr, their.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${label}`);
    assert.equal(ours.code, their.code, `exit code of ${label}`);
  }
  const annotations = async (ns: string): Promise<string> =>
    (
      await kubectlOk([
        'get',
        'cm',
        'saved',
        'plain',
        '-n',
        ns,
        '-o',
        'jsonpath={range .items[*]}{.metadata.annotations}{.metadata.managedFields[*].manager}{"\\n"}{end}',
      ])
    ).replaceAll(ns, 'NS');
  const left = await annotations(mine);
  assert.equal(left, await annotations(theirs));
  assert.match(left, /\\\\u003cnew\\\\u003e/);
});

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const manifests = `apiVersion: v1
kind: ConfigMap
metadata:
  name: one
data: {a: "1"}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-one
spec:
  ports: [{port: 80}]
`;

function write(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ktl-create-')), name);
  writeFileSync(file, text);
  return file;
}

test('create -f creates every object and reports existing ones as kubectl does', async (t) => {
  const file = write('objects.yaml', manifests);
  const mine = await testNamespace(t, 'create-f-m');
  const theirs = await testNamespace(t, 'create-f-k');
  for (const round of [1, 2]) {
    const a = await ktl(['create', '-f', file, '-n', mine]);
    const b = await kubectl(['create', '-f', file, '-n', theirs]);
    assert.equal(a.stdout, b.stdout, `stdout, round ${round}`);
    assert.equal(a.stderr, b.stderr, `stderr, round ${round}`);
    assert.equal(a.code, b.code, `exit code, round ${round}`);
  }
  const live = await kubectlOk(['get', 'cm/one', 'svc/svc-one', '-n', mine, '-o', 'name']);
  assert.equal(live, 'configmap/one\nservice/svc-one\n');
  const managers = await kubectlOk([
    'get',
    'cm/one',
    '-n',
    mine,
    '-o',
    'jsonpath={.metadata.managedFields[*].manager}',
  ]);
  assert.equal(managers, 'kubectl-create');
});

test('create -f validates first: a broken document means nothing is created', async (t) => {
  const ns = await testNamespace(t, 'create-f-bad');
  const file = write(
    'bad.yaml',
    `${manifests}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\ndata: {b: "2"}\nbinaryDta: {}\n`,
  );
  const result = await ktl(['create', '-f', file, '-n', ns]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /bad\.yaml:19:1 \(document 3, ConfigMap\/two\): binaryDta: unknown field "binaryDta"/,
  );
  assert.equal(result.stdout, '');
  const live = await kubectlOk(['get', 'cm,svc', '-n', ns, '-o', 'name']);
  assert.doesNotMatch(live, /one|two/);
});

test('create -f --dry-run=client -o name prints without creating', async (t) => {
  const ns = await testNamespace(t, 'create-f-dry');
  const file = write('objects.yaml', manifests);
  const result = await ktl(['create', '-f', file, '-n', ns, '--dry-run=client', '-o', 'name']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, 'configmap/one\nservice/svc-one\n');
  assert.doesNotMatch(await kubectlOk(['get', 'cm', '-n', ns, '-o', 'name']), /one/);
});

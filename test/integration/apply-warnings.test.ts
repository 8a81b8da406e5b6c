/**
 * The server's warnings about an applied object (fieldValidation=Warn's unknown fields, a
 * deprecated node label) are kubectl's `Warning:` lines with the file, line and column of the
 * field they name.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl, testNamespace } from '../helpers/cluster.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: plain
data:
  a: b
---
apiVersion: v1
kind: Pod
metadata:
  name: old-labels
spec:
  nodeSelector:
    beta.kubernetes.io/arch: amd64
  containers:
  - name: c
    image: busybox
    bogus: 1
`;

test('server warnings under --validate=warn are located in the file; stdout and exit code as kubectl', async (t) => {
  const namespaces = [await testNamespace(t, 'apply-warn'), await testNamespace(t, 'apply-warn')];
  const file = join(mkdtempSync(join(tmpdir(), 'ktl-warn-')), 'pods.yaml');
  writeFileSync(file, MANIFEST);
  for (const dryRun of ['--dry-run=server', '--dry-run=none']) {
    // real applies go to a namespace each (the second would find the first's objects)
    const args = (namespace: string): string[] => [
      ...['apply', '-n', namespace, '-f', file, '--validate=warn', dryRun],
    ];
    const theirs = await kubectl(args(namespaces[0] as string));
    const ours = await ktl(args(namespaces[1] as string));
    assert.equal(ours.stdout, theirs.stdout);
    assert.equal(ours.code, theirs.code);
    const serverWarnings = theirs.stderr.split('\n').filter((l) => l.startsWith('Warning: '));
    assert.equal(serverWarnings.length, 2, theirs.stderr);
    assert.ok(
      ours.stderr.includes(
        `Warning: ${file}:18:5 (document 2, Pod/old-labels): unknown field "spec.containers[0].bogus"\n`,
      ),
      ours.stderr,
    );
    assert.ok(
      ours.stderr.includes(
        `Warning: ${file}:13:3 (document 2, Pod/old-labels): spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead\n`,
      ),
      ours.stderr,
    );
    for (const warning of serverWarnings)
      assert.ok(ours.stderr.includes(warning.replace('Warning: ', '): ')), warning);
  }
});

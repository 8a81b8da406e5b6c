/**
 * label, annotate and wait --local side by side with kubectl 1.34.4: the -f objects are changed
 * (or "created") as read and printed, the server is never asked (an unreachable --server works,
 * and the live object stays as it was), and kubectl's errors without -f, with resource
 * arguments and with --dry-run=server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { assertSame, maskVolatile } from './verbs-helpers.js';

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c1
  labels: {a: "1"}
data: {k: v}
`;

const TWO_OBJECTS = `apiVersion: v1
kind: Pod
metadata:
  name: p1
  labels: {a: "1"}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c2
  namespace: other
`;

/** A directory with the two manifests, removed when the test ends. */
function manifests(t: TestContext): { dir: string; cm: string; two: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-local-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cm = join(dir, 'cm.yaml');
  const two = join(dir, 'two.yaml');
  writeFileSync(cm, CONFIGMAP);
  writeFileSync(two, TWO_OBJECTS);
  return { dir, cm, two };
}

/** Runs args with kubectl then ktl (FILE and TWO replaced) and compares everything. */
async function same(
  args: string[],
  files: { dir: string; cm: string; two: string },
  input?: string,
): Promise<void> {
  const filled = args.map((a) => a.replace('FILE', files.cm).replace('TWO', files.two));
  const options = input === undefined ? {} : { input };
  const theirs = await kubectl(filled, options);
  const mine = await ktl(filled, options);
  const mask = (text: string): string => maskVolatile(text.replaceAll(files.dir, 'DIR'));
  assertSame(mine, theirs, args.join(' '), mask);
}

test('label and annotate --local change the -f objects as read, without the server', async (t) => {
  const files = manifests(t);
  const unreachable = '--server=https://127.0.0.1:1';
  const cases = [
    ['label', '--local', '-f', 'FILE', 'b=2'],
    ['label', '--local', '-f', 'FILE', 'b=2', '-o', 'yaml', unreachable],
    ['label', '--local', '-f', 'TWO', 'b=2', '-o', 'name'],
    ['label', '--local', '-f', 'FILE', 'a=3'],
    ['label', '--local', '-f', 'FILE', 'a=3', '--overwrite', '-o', 'json'],
    ['label', '--local', '-f', 'FILE', 'a-', 'missing-', '-o', 'yaml'],
    ['label', '--local', '-f', 'FILE', 'b=2', '--dry-run=client'],
    ['label', '--local', '-f', 'FILE', 'b=2', '--resource-version=5', '-o', 'yaml'],
    ['label', '--local', '-f', 'FILE', 'b=2', '-l', 'nothing=matches'],
    ['label', '--local', '-f', 'FILE', '--list'],
    ['label', '--local', '-f', 'TWO', '--list'],
    ['label', '--local', '-f', 'TWO', 'b=2', '-n', 'elsewhere'],
    ['annotate', '--local', '-f', 'FILE', 'note=x'],
    ['annotate', '--local', '-f', 'TWO', 'note=x', '-o', 'yaml', unreachable],
    ['annotate', '--local', '-f', 'FILE', '--list'],
    ['annotate', '--local', '-f', 'FILE', 'note=x', '-o', 'jsonpath={.metadata.annotations}'],
  ];
  for (const args of cases) await same(args, files);
  await same(['label', '--local', '-f', '-', '--list'], files, TWO_OBJECTS);
  await same(['annotate', '--local', '-f', '-', 'x=y', '-o', 'yaml'], files, CONFIGMAP);
});

test('label and annotate --local: kubectl errors without -f, with resources, with a server dry run', async (t) => {
  const files = manifests(t);
  const cases = [
    ['label', '--local', 'configmap', 'c1', 'b=2'],
    ['label', '--local', 'b=2'],
    ['label', '--local', '-f', 'FILE', 'b=2', '--dry-run=server'],
    ['label', '--local', '-f', 'FILE', 'b=2', '--all', '-l', 'x=y'],
    ['label', '--local', '-f', 'FILE'],
    ['annotate', '--local', 'configmap/c1', 'b=2'],
    ['annotate', '--local', 'b=2'],
    ['annotate', '--local', '-f', 'FILE', 'b=2', '--dry-run=server'],
  ];
  for (const args of cases) await same(args, files);
});

test('label and annotate --local leave the live object alone', async (t) => {
  const files = manifests(t);
  const ns = await testNamespace(t, 'local-flags');
  await kubectlOk(['-n', ns, 'create', '-f', files.cm]);
  const live = (): Promise<string> =>
    kubectlOk(['-n', ns, 'get', 'configmap', 'c1', '-o', 'jsonpath={.metadata}']);
  const before = await live();
  for (const verb of ['label', 'annotate']) {
    const result = await ktl([verb, '--local', '-f', files.cm, '-n', ns, 'touched=yes']);
    assert.equal(result.code, 0, result.stderr);
  }
  assert.equal(await live(), before);
});

test('wait --local: --for=create on the -f objects as read, and kubectl errors', async (t) => {
  const files = manifests(t);
  const cases = [
    ['wait', '--local', '-f', 'FILE', '--for=create'],
    ['wait', '--local', '-f', 'TWO', '--for=create', '-o', 'name', '--server=https://127.0.0.1:1'],
    ['wait', '--local', '-f', 'FILE', '--for=create', '-o', 'yaml'],
    ['wait', '--local', '-f', 'TWO', '--for=create', '-n', 'elsewhere'],
    ['wait', '--local', 'configmap', 'c1', '--for=delete'],
    ['wait', '--local', '--for=delete'],
  ];
  for (const args of cases) await same(args, files);
  // kubectl 1.34 panics on a nil mapping here; ktl refuses with a message and exit 1.
  const refused = await ktl(['wait', '--local', '-f', files.cm, '--for=delete']);
  assert.deepEqual(refused, {
    code: 1,
    stdout: '',
    stderr:
      'error: --local can only wait for create: --for=delete needs the objects on the server\n',
  });
});

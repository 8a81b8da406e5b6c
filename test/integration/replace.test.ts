import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const replacement = `apiVersion: v1
kind: ConfigMap
metadata:
  name: rc1
  labels: {from: file}
data: {a: "2"}
`;

/** A temp dir removed when the test ends (also when it fails). */
function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-replace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** One namespace for ktl and one for kubectl, each with the same ConfigMap rc1 (a: "1"). */
async function twoNamespaces(t: TestContext, withObject = true): Promise<[string, string]> {
  const mine = await testNamespace(t, 'replace-m');
  const theirs = await testNamespace(t, 'replace-k');
  if (withObject)
    for (const ns of [mine, theirs])
      await kubectlOk(['create', 'configmap', 'rc1', '-n', ns, '--from-literal=a=1']);
  return [mine, theirs];
}

/** What the server kept of rc1: its data, labels and managers, comparable across namespaces. */
async function leftBehind(ns: string): Promise<string> {
  const result = await kubectl([
    'get',
    'configmap',
    'rc1',
    '-n',
    ns,
    '-o',
    'jsonpath={.data} {.metadata.labels} {.metadata.managedFields[*].manager} {.metadata.annotations}',
  ]);
  return `${result.code} ${result.stdout} ${result.stderr}`.replaceAll(ns, '<ns>');
}

/** The fields that differ between two runs of the same command (uid, times, namespace). */
function normalized(text: string, ns: string): string {
  return text
    .replaceAll(ns, '<ns>')
    .replace(/(uid|resourceVersion|creationTimestamp|time): .*/g, '$1: <x>')
    .replace(/"(uid|resourceVersion|creationTimestamp|time)": ".*"/g, '"$1": "<x>"');
}

function assertSame(a: RunResult, b: RunResult, nsA: string, nsB: string): void {
  assert.equal(normalized(a.stdout, nsA), normalized(b.stdout, nsB), 'stdout');
  assert.equal(normalized(a.stderr, nsA), normalized(b.stderr, nsB), 'stderr');
  assert.equal(a.code, b.code, 'exit code');
}

/** Runs the same replace (args before -n) with ktl in `mine` and kubectl in `theirs`. */
async function sideBySide(args: string[], mine: string, theirs: string): Promise<RunResult> {
  const a = await ktl(['replace', ...args, '-n', mine]);
  const b = await kubectl(['replace', ...args, '-n', theirs]);
  assertSame(a, b, mine, theirs);
  assert.equal(await leftBehind(mine), await leftBehind(theirs), 'object left behind');
  return a;
}

test('replace -f PUTs the file over the live object, as kubectl does', async (t) => {
  const file = write(tempDir(t), 'cm.yaml', replacement);
  const [mine, theirs] = await twoNamespaces(t);
  const result = await sideBySide(['-f', file], mine, theirs);
  assert.equal(result.stdout, 'configmap/rc1 replaced\n');
  assert.match(
    await leftBehind(mine),
    /^0 \{"a":"2"\} \{"from":"file"\} kubectl-create kubectl-replace/,
  );
});

test('replace -f of a missing object is the server NotFound, worded as kubectl', async (t) => {
  const file = write(tempDir(t), 'cm.yaml', replacement);
  const [mine, theirs] = await twoNamespaces(t, false);
  const result = await sideBySide(['-f', file], mine, theirs);
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    `Error from server (NotFound): error when replacing "${file}": configmaps "rc1" not found\n`,
  );
});

test('replace -f with a stale resourceVersion is the server Conflict, nothing changed', async (t) => {
  const mine = await testNamespace(t, 'replace-stale');
  await kubectlOk(['create', 'configmap', 'rc1', '-n', mine, '--from-literal=a=1']);
  // the live object with the resourceVersion it had before a label changed it
  const live = await kubectlOk(['get', 'configmap', 'rc1', '-n', mine, '-o', 'yaml']);
  const file = write(tempDir(t), 'stale.yaml', live.replace('a: "1"', 'a: "3"'));
  await kubectlOk(['label', 'configmap', 'rc1', '-n', mine, 'x=y']);
  const a = await ktl(['replace', '-f', file, '-n', mine]);
  assert.equal(a.code, 1);
  assert.equal(a.stdout, '');
  assert.equal(
    a.stderr,
    `Error from server (Conflict): error when replacing "${file}": Operation cannot be fulfilled on configmaps "rc1": the object has been modified; please apply your changes to the latest version and try again\n`,
  );
  // kubectl fails the same way on the same file and leaves the same object
  const b = await kubectl(['replace', '-f', file, '-n', mine]);
  assertSame(a, b, mine, mine);
  assert.match(await leftBehind(mine), /^0 \{"a":"1"\} \{"x":"y"\}/);
});

test('replace -o name and -o yaml print the replaced object as kubectl does', async (t) => {
  const file = write(tempDir(t), 'cm.yaml', replacement);
  const [mine, theirs] = await twoNamespaces(t);
  assert.equal(
    (await sideBySide(['-f', file, '-o', 'name'], mine, theirs)).stdout,
    'configmap/rc1\n',
  );
  const yaml = await sideBySide(['-f', file, '-o', 'yaml'], mine, theirs);
  assert.match(yaml.stdout, /^apiVersion: v1\ndata:\n {2}a: "2"\nkind: ConfigMap\n/);
});

test('replace --dry-run=client and =server print without changing the object', async (t) => {
  const file = write(tempDir(t), 'cm.yaml', replacement);
  const [mine, theirs] = await twoNamespaces(t);
  const client = await sideBySide(['-f', file, '--dry-run=client'], mine, theirs);
  assert.equal(client.stdout, 'configmap/rc1 replaced (dry run)\n');
  const server = await sideBySide(['-f', file, '--dry-run=server'], mine, theirs);
  assert.equal(server.stdout, 'configmap/rc1 replaced (server dry run)\n');
  assert.match(await leftBehind(mine), /^0 \{"a":"1"\}/);
});

test('replace -k replaces the objects of a kustomization', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'k'));
  write(join(dir, 'k'), 'cm.yaml', replacement);
  write(join(dir, 'k'), 'kustomization.yaml', 'resources: [cm.yaml]\n');
  const [mine, theirs] = await twoNamespaces(t);
  const result = await sideBySide(['-k', join(dir, 'k')], mine, theirs);
  assert.equal(result.stdout, 'configmap/rc1 replaced\n');
});

test('replace without -f or -k fails as kubectl does', async () => {
  const a = await ktl(['replace']);
  const b = await kubectl(['replace']);
  assertSame(a, b, '', '');
  assert.equal(a.stderr, 'error: must specify one of -f and -k\n');
  assert.equal(a.code, 1);
});

test('replace --force deletes, waits for and re-creates the object, as kubectl does', async (t) => {
  const file = write(tempDir(t), 'cm.yaml', replacement);
  const [mine, theirs] = await twoNamespaces(t);
  const uid = await kubectlOk(['get', 'cm', 'rc1', '-n', mine, '-o', 'jsonpath={.metadata.uid}']);
  const result = await sideBySide(['-f', file, '--force', '--save-config'], mine, theirs);
  assert.equal(
    result.stdout,
    `configmap "rc1" deleted from ${mine} namespace\nconfigmap/rc1 replaced\n`,
  );
  const after = await kubectlOk(['get', 'cm', 'rc1', '-n', mine, '-o', 'jsonpath={.metadata.uid}']);
  assert.notEqual(after, uid, 'a new object');
  assert.match(await leftBehind(mine), /kubectl-replace \{"kubectl.kubernetes.io\/last-applied/);
  // an absent object is simply created
  for (const ns of [mine, theirs]) await kubectlOk(['delete', 'cm', 'rc1', '-n', ns]);
  const created = await sideBySide(['-f', file, '--force', '-o', 'name'], mine, theirs);
  assert.equal(created.stdout, 'configmap/rc1\n');
});

test('replace rejects --force companions without --force in kubectl words', async () => {
  const cases = [
    ['-f', 'x.yaml', '--grace-period=1'],
    ['-f', 'x.yaml', '--timeout=1s'],
    ['-f', 'x.yaml', '--force', '--dry-run=server'],
    ['-f', 'x.yaml', '--cascade=bad'],
    ['-f', 'x.yaml', '--grace-period=x'],
  ];
  for (const args of cases) {
    const a = await ktl(['replace', ...args]);
    const b = await kubectl(['replace', ...args]);
    assert.equal(a.stderr.replaceAll('ktl', 'kubectl'), b.stderr, args.join(' '));
    assert.equal(a.code, b.code, args.join(' '));
    assert.equal(a.stdout, '');
  }
});

test('replace --subresource PUTs to the status subresource; a bad one is the server NotFound', async (t) => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d1
spec:
  selector: {matchLabels: {app: d1}}
  template:
    metadata: {labels: {app: d1}}
    spec: {containers: [{name: c, image: nginx}]}
status:
  observedGeneration: 7
`;
  const file = write(tempDir(t), 'deploy.yaml', deployment);
  const [mine, theirs] = await twoNamespaces(t, false);
  for (const ns of [mine, theirs])
    await kubectlOk(['create', 'deployment', 'd1', '-n', ns, '--image=nginx']);
  const status = await sideBySide(['-f', file, '--subresource=status'], mine, theirs);
  assert.equal(status.stdout, 'deployment.apps/d1 replaced\n');
  const bogus = await sideBySide(['-f', file, '--subresource=bogus'], mine, theirs);
  assert.equal(bogus.code, 1);
  assert.match(bogus.stderr, /NotFound\): error when replacing .*the server could not find/);
});

test('replace --raw PUTs the file verbatim and prints the response; its flag errors', async (t) => {
  const [mine, theirs] = await twoNamespaces(t);
  const dir = tempDir(t);
  for (const [tool, ns] of [
    [ktl, mine],
    [kubectl, theirs],
  ] as const) {
    const body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'rc1' },
      data: { a: '9' },
    });
    const file = write(dir, `${ns}.json`, body);
    const result = await tool([
      'replace',
      '--raw',
      `/api/v1/namespaces/${ns}/configmaps/rc1`,
      '-f',
      file,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as { data?: unknown };
    assert.deepEqual(printed.data, { a: '9' });
  }
  // --raw sends no fieldManager: the server names the manager after the user agent, ktl's
  // own (the one known difference in the object left behind)
  const managers = async (ns: string, agent: string): Promise<string[]> =>
    (await leftBehind(ns))
      .split(' ')
      .filter((word) => word !== '')
      .map((word) => (word === agent ? '<agent>' : word))
      .sort();
  assert.deepEqual(await managers(mine, 'ktl'), await managers(theirs, 'kubectl'));
  const file = write(dir, 'cm.json', '{}');
  for (const args of [
    ['--raw', '/x', '-f', file, '-o', 'name'],
    ['--raw', '/x', '-f', file, '-f', file],
    ['--raw', '/x', '-f', 'http://example.invalid/x'],
    ['--raw', '/x', '-R', '-f', file],
    ['--raw', 'x', '-f', file],
  ]) {
    const a = await ktl(['replace', ...args]);
    const b = await kubectl(['replace', ...args]);
    assertSame(a, b, '', '');
    assert.equal(a.code, 1, args.join(' '));
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  adminKubeconfig,
  kubectl,
  kubectlOk,
  ktl,
  normalizeAges,
  testNamespace,
  viewerKubeconfig,
} from '../helpers/cluster.js';

/** Runs both with the same arguments and compares stdout, stderr (kubectl → ktl) and exit code. */
async function sameAsKubectl(args: string[], normalise = (s: string) => s): Promise<RunResult> {
  const mine = await ktl(args);
  const theirs = await kubectl(args);
  const label = args.join(' ');
  assert.equal(normalise(mine.stdout), normalise(theirs.stdout), `stdout of ${label}`);
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${label}`);
  assert.equal(mine.code, theirs.code, `exit code of ${label}`);
  return mine;
}

async function podP1(ns: string): Promise<void> {
  await kubectlOk(['run', 'p1', '-n', ns, '--image=nginx', '-l', 'app=p1']);
  await kubectlOk(['wait', '-n', ns, '--for=condition=Ready', 'pod/p1', '--timeout=60s']);
}

test('delete: a refused list names what was listed; --all, names and TYPE/NAME refuse a selector', async (t) => {
  const ns = await testNamespace(t, 'sweep-delete');
  await podP1(ns);
  await kubectlOk(['create', 'configmap', 'c1', '-n', ns]);
  const badSelector = await sameAsKubectl(['-n', ns, 'delete', 'cm', '-l', 'bad key']);
  assert.match(badSelector.stderr, /Unable to find "\/v1, Resource=configmaps" that match label/);
  const all = await sameAsKubectl([
    '-n',
    ns,
    'delete',
    'pod',
    '--all',
    '-l',
    'app=p1',
    '--dry-run=client',
  ]);
  assert.equal(all.stderr, "error: setting 'all' parameter but found a non empty selector. \n");
  await sameAsKubectl([
    '-n',
    ns,
    'delete',
    'pod',
    '--all',
    '--field-selector=a=b',
    '--dry-run=client',
  ]);
  await sameAsKubectl(['-n', ns, 'delete', 'pod', '--all', '-l', ' ', '--dry-run=client']);
  await sameAsKubectl(['-n', ns, 'delete', 'pod', 'p1', '-l', 'app=p1', '--dry-run=client']);
  await sameAsKubectl(['-n', ns, 'delete', 'pod', '--all', 'p1', '--dry-run=client']);
  await sameAsKubectl(['-n', ns, 'delete', 'pod/p1', '-l', 'app=p1', '--dry-run=client']);
  await sameAsKubectl(['-n', ns, 'delete', '-l', 'app=p1', '--dry-run=client']);
  const kept = await sameAsKubectl(['-n', ns, 'delete', 'pod', '--all', '--dry-run=client']);
  assert.equal(kept.code, 0);
  await kubectlOk(['get', 'pod/p1', 'configmap/c1', '-n', ns]);
});

test('logs: bad --tail and --since are pflag errors with the help pointer', async (t) => {
  const ns = await testNamespace(t, 'sweep-logs');
  for (const flags of [
    ['p1', '--tail=x'],
    ['--tail=x'],
    ['-l', 'app=p1', '--since=1'],
    ['p1', '--since=1x'],
    ['p1', '--since=x'],
    ['p1', '--limit-bytes=1.5'],
  ]) {
    const result = await sameAsKubectl(['-n', ns, 'logs', ...flags]);
    assert.match(result.stderr, /\nSee 'ktl logs --help' for usage\.\n$/);
  }
});

test('describe: --show-events reads as a pflag bool', async (t) => {
  const ns = await testNamespace(t, 'sweep-describe');
  await podP1(ns);
  const bad = await sameAsKubectl(['-n', ns, 'describe', 'pod', 'p1', '--show-events=x']);
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    /strconv\.ParseBool: parsing "x": invalid syntax\nSee 'ktl describe --help'/,
  );
  for (const value of ['F', '0', 'false', 'TRUE'])
    await sameAsKubectl(
      ['-n', ns, 'describe', 'pod', 'p1', `--show-events=${value}`],
      normalizeAges,
    );
});

test('apply -l: a bad selector gets the lexer words of labels.Parse', async (t) => {
  const ns = await testNamespace(t, 'sweep-apply');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-sweep-'));
  const web = join(dir, 'web.yaml');
  writeFileSync(
    web,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels:\n    app: web\n',
  );
  const bad = await sameAsKubectl([
    '-n',
    ns,
    'apply',
    '-f',
    web,
    '-l',
    'bad key',
    '--dry-run=server',
  ]);
  assert.match(bad.stderr, /found 'key', expected: in, notin, =, ==, !=, gt, lt\n$/);
  for (const selector of [
    'a in b',
    'a in (b c)',
    'a=b c',
    'a,',
    '(a)',
    '!a=b',
    'a=>b',
    'a<x',
    'app in (web,x)',
    'app notin (web)',
    'a in ()',
    '!app',
  ])
    await sameAsKubectl(['-n', ns, 'apply', '-f', web, '-l', selector, '--dry-run=server']);
});

test('-f DIR: a directory with no manifests fails as in kubectl; wait recurses unless -R=false', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-fdir-'));
  const nested = join(dir, 'nested');
  mkdirSync(nested);
  writeFileSync(
    join(nested, 'ns.yaml'),
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n',
  );
  writeFileSync(join(dir, 'README.txt'), 'not a manifest\n');
  const names = (s: string): string => normalizeAges(s);
  const failed = await sameAsKubectl(['apply', '--dry-run=client', '-f', dir]);
  assert.equal(
    failed.stderr,
    `error: error reading [${dir}]: recognized file extensions are [.json .yaml .yml]\n`,
  );
  await sameAsKubectl(['get', '-f', dir, '-f', nested, '-o', 'name']);
  await sameAsKubectl(['get', '-f', nested, '-f', dir, '-o', 'name'], names);
  await sameAsKubectl(['get', '-f', dir, '-R', '-o', 'name']);
  const waited = await sameAsKubectl(['wait', '--for=create', '-f', dir, '--timeout=5s']);
  assert.equal(waited.stdout, 'namespace/default condition met\n');
  await sameAsKubectl(['wait', '--for=create', '-f', dir, '-R=false', '--timeout=5s']);
  await sameAsKubectl(['wait', '--for=create', '-f', dir, '--recursive=false', '--timeout=5s']);
});

test('auth whoami: the table, every -o, and its errors, as kubectl prints them', async () => {
  const stamp = (s: string): string =>
    s.replace(/("creationTimestamp": |creationTimestamp: )"[^"]*"/g, '$1TIME');
  for (const kubeconfig of [adminKubeconfig, viewerKubeconfig])
    for (const args of [
      ['auth', 'whoami'],
      ['auth', 'whoami', '-o', 'json'],
      ['auth', 'whoami', '-o', 'yaml'],
      ['auth', 'whoami', '-o', 'name'],
      ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'],
      ['auth', 'whoami', '-o', 'wide'],
    ]) {
      const env = { KUBECONFIG: kubeconfig };
      const [mine, theirs] = await Promise.all([ktl(args, { env }), kubectl(args, { env })]);
      assert.equal(stamp(mine.stdout), stamp(theirs.stdout), args.join(' '));
      assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), args.join(' '));
      assert.equal(mine.code, theirs.code, args.join(' '));
    }
  const viewer = await ktl(['auth', 'whoami'], { env: { KUBECONFIG: viewerKubeconfig } });
  assert.match(viewer.stdout, /^ATTRIBUTE {3}VALUE\nUsername {4}ktl-viewer\n/);
});

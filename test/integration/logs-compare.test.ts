import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  adminKubeconfig,
  ktl,
  kubectl,
  kubectlOk,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';

/** Runs the same command with ktl and kubectl and asserts identical output and exit code. */
async function same(args: string[]): Promise<string> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(
    mine.stderr,
    theirs.stderr.replaceAll('kubectl', 'ktl'),
    `stderr of ${args.join(' ')}`,
  );
  assert.equal(mine.stdout, theirs.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(mine.code, theirs.code, `exit code of ${args.join(' ')}`);
  return mine.stdout;
}

/**
 * For logs of several containers or pods kubectl walks a Go map, so its order changes from run
 * to run (seen: main/side/setup, then setup/main/side). Compare the lines as a multiset and
 * return ktl's output, whose order is fixed (pods by name; init, app, ephemeral containers).
 */
async function sameLines(args: string[]): Promise<string> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  const sorted = (text: string): string[] => text.split('\n').sort();
  assert.equal(
    mine.stderr,
    theirs.stderr.replaceAll('kubectl', 'ktl'),
    `stderr of ${args.join(' ')}`,
  );
  assert.deepEqual(sorted(mine.stdout), sorted(theirs.stdout), `stdout of ${args.join(' ')}`);
  assert.equal(mine.code, theirs.code, `exit code of ${args.join(' ')}`);
  return mine.stdout;
}

const PODS = (ns: string): string => `
apiVersion: v1
kind: Pod
metadata: {name: two, namespace: ${ns}, labels: {app: demo}}
spec:
  initContainers: [{name: setup, image: busybox}]
  containers: [{name: main, image: busybox}, {name: side, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: one, namespace: ${ns}, labels: {app: demo}}
spec:
  containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata:
  name: picked
  namespace: ${ns}
  annotations: {kubectl.kubernetes.io/default-container: side}
spec:
  containers: [{name: main, image: busybox}, {name: side, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata:
  name: stale
  namespace: ${ns}
  annotations: {kubectl.kubernetes.io/default-container: gone}
spec:
  containers: [{name: app, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: init, namespace: ${ns}}
spec:
  initContainers: [{name: setup, image: busybox}]
  containers: [{name: app, image: busybox}]
`;

describe('ktl logs matches kubectl on kwok pods', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'logs',
    );
    await kubectlOk(['apply', '-f', '-'], { input: PODS(ns) });
    await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '-n', ns]);
    await kubectlOk(['wait', '--for=condition=Ready', 'pod', '--all', '-n', ns, '--timeout=60s']);
    await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
  });

  test('one pod, and the default-container note for a pod with several', async () => {
    const out = await same(['logs', 'one', '-n', ns]);
    assert.match(out, /fake log line 1 from kwok/);
    await same(['logs', 'two', '-n', ns]);
    await same(['logs', 'two', 'side', '-n', ns]);
    await same(['logs', 'two', '-c', 'nope', '-n', ns]);
  });

  test('the container kubectl picks: annotation, a stale annotation, an init container', async () => {
    // ktl asks for the log alongside the pod and keeps it only when it reads kubectl's pick
    await same(['logs', 'picked', '-n', ns]);
    await same(['logs', 'picked', '-c', 'main', '--tail=1', '-n', ns]);
    await same(['logs', 'stale', '-n', ns]);
    await same(['logs', 'init', '-n', ns]);
    await same(['logs', 'init', 'setup', '-n', ns]);
    await same(['logs', 'one', 'nope', '-n', ns]);
  });

  test('flags: --tail, --timestamps, --since, --since-time, --limit-bytes, -p', async () => {
    await same(['logs', 'one', '--tail=1', '-n', ns]);
    await same(['logs', 'one', '--timestamps', '-n', ns]);
    await same(['logs', 'one', '--since=1h', '-n', ns]);
    await same(['logs', 'one', '--since-time=2020-01-01T00:00:00Z', '-n', ns]);
    await same(['logs', 'one', '--limit-bytes=10', '-n', ns]);
    await same(['logs', 'one', '-p', '-n', ns]);
  });

  test('--all-containers --prefix, -l (tail 10 per pod), and TYPE/NAME workloads', async () => {
    const prefixed = await sameLines(['logs', 'two', '--all-containers', '--prefix', '-n', ns]);
    const containerOrder = [...new Set(prefixed.match(/^\[pod\/two\/\w+\]/gm))];
    assert.deepEqual(containerOrder, ['[pod/two/setup]', '[pod/two/main]', '[pod/two/side]']);
    await sameLines(['logs', '-l', 'app=demo', '-n', ns]);
    const tails = await sameLines(['logs', '-l', 'app=demo', '--prefix', '--tail=1', '-n', ns]);
    assert.deepEqual(tails.match(/^\[pod\/\w+/gm), ['[pod/one', '[pod/two']);
    await same(['logs', '-l', 'app=none', '-n', ns]);
    await same(['logs', 'deployment/web', '-n', ns]);
    await same(['logs', 'deploy/web', '--timestamps', '--tail=2', '-n', ns]);
  });

  test("kubectl's errors", async () => {
    await same(['logs', '-n', ns]);
    await same(['logs', 'nope', '-n', ns]);
    await same(['logs', 'svc/nope', '-n', ns]);
    await same(['logs', 'foo/bar', '-n', ns]);
    await same(['logs', 'one', '--tail=-5', '-n', ns]);
    await same(['logs', 'one', '--since=1s', '--since-time=2020-01-01T00:00:00Z', '-n', ns]);
    await same(['logs', '-l', 'app=demo', 'one', '-n', ns]);
    await same(['logs', '-l', 'app=demo', '-f', '--max-log-requests=1', '-n', ns]);
  });

  test('-l -f picks up a pod created after it started, with its prefix', async () => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bin', 'ktl'), 'logs', '-f', '-l', 'app=late', '--prefix', '-n', ns],
      { env: { ...process.env, KUBECONFIG: adminKubeconfig, NO_COLOR: '1' } },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await kubectlOk(['run', 'late', '--image=busybox', '--labels=app=late', '-n', ns]);
      const deadline = Date.now() + 30_000;
      while (!stdout.includes('[pod/late/late] fake log line 3') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 250));
      assert.match(stdout, /^\[pod\/late\/late\] fake log line 1 from kwok$/m);
      assert.match(stdout, /^\[pod\/late\/late\] fake log line 3 from kwok$/m);
      assert.equal(child.exitCode, null, 'still following after the pod appeared');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace, viewerKubeconfig } from '../helpers/cluster.js';

/** ktl and kubectl give the same stderr, stdout and exit code (stdout/stderr order aside). */
async function same(args: string[], input?: string): Promise<{ stdout: string; code: number }> {
  const options = input === undefined ? {} : { input };
  const [mine, theirs] = await Promise.all([ktl(args, options), kubectl(args, options)]);
  assert.equal(
    mine.stderr,
    theirs.stderr.replaceAll('kubectl', 'ktl'),
    `stderr of ${args.join(' ')}`,
  );
  assert.equal(mine.stdout, theirs.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(mine.code, theirs.code, `exit code of ${args.join(' ')}`);
  return mine;
}

const PODS = (ns: string): string => `
apiVersion: v1
kind: Pod
metadata: {name: two, namespace: ${ns}}
spec:
  initContainers: [{name: setup, image: busybox}]
  containers: [{name: main, image: busybox}, {name: side, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: one, namespace: ${ns}}
spec:
  containers: [{name: app, image: busybox}]
`;

describe('ktl exec and attach over WebSocket (kwok runs the commands)', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'exec',
    );
    await kubectlOk(['apply', '-f', '-'], { input: PODS(ns) });
    await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', ns]);
    await kubectlOk(['wait', '--for=condition=Ready', 'pod', '--all', '-n', ns, '--timeout=60s']);
    await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
  });

  test('stdout and stderr of the remote command come back on their own streams', async () => {
    const result = await ktl([
      'exec',
      'one',
      '-n',
      ns,
      '--',
      'sh',
      '-c',
      'echo to-out; echo to-err >&2',
    ]);
    assert.equal(result.stdout, 'to-out\n');
    assert.equal(result.stderr, 'to-err\n');
    assert.equal(result.code, 0);
  });

  test('a failing command fails as kubectl reports it (kwok sends an InternalError status)', async () => {
    const result = await same(['exec', 'one', '-n', ns, '--', 'sh', '-c', 'exit 3']);
    assert.notEqual(result.code, 0);
  });

  test('default container note, TYPE/NAME and container errors', async () => {
    const two = await same(['exec', 'two', '-n', ns, '--', 'echo', 'hi']);
    assert.equal(two.stdout, 'hi\n');
    await same(['exec', 'deploy/web', '-n', ns, '--', 'echo', 'hi']);
    await same(['exec', 'one', '-c', 'nope', '-n', ns, '--', 'ls']);
    await same(['exec', 'nope', '-n', ns, '--', 'ls']);
    await same(['exec', 'one', 'ls', '-n', ns]);
    await same(['exec', '-n', ns]);
    await same(['exec', 'one', '-n', ns]);
  });

  test('stdin reaches the command with -i', async () => {
    const result = await ktl(['exec', '-i', 'one', '-n', ns, '--', 'head', '-c', '5'], {
      input: 'hello world',
    });
    assert.equal(result.stdout, 'hello');
    assert.equal(result.code, 0);
  });

  test('exec is forbidden for the viewer, worded as kubectl does', async () => {
    const args = ['--kubeconfig', viewerKubeconfig, 'exec', 'one', '-n', ns, '--', 'ls'];
    const mine = await ktl(args);
    const theirs = await kubectl(args);
    assert.equal(mine.code, 1);
    assert.match(mine.stderr, /Error from server \(Forbidden\)/);
    assert.equal(mine.code, theirs.code);
  });

  test('attach errors match kubectl', async () => {
    await same(['attach', 'one', '-c', 'nope', '-n', ns]);
    await same(['attach', 'nope', '-n', ns]);
  });
});

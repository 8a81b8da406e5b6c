/**
 * `ktl debug -f FILE` against kubectl: the objects of the file are used as read (kubectl's
 * builder never fetches them again), so a copy is made from the file's spec; the file's
 * namespace must match -n; kinds other than Pod and Node are refused. Also kubectl 1.34's
 * warning for a pod-wide non-root user. (kubectl 1.34.4 panics on a pod read from a file that
 * has no spec.securityContext, so the files here carry one.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const mask = (text: string): string =>
  text.replace(/(debugger|node-debugger-[\w-]+?|kube-api-access)-[a-z0-9]{5}\b/g, '$1-XXXXX');

function assertSame(mine: RunResult, theirs: RunResult, what: string): void {
  assert.equal(mask(mine.stderr), mask(theirs.stderr.replaceAll('kubectl', 'ktl')), what);
  assert.equal(mask(mine.stdout), mask(theirs.stdout), what);
  assert.equal(mine.code, theirs.code, what);
}

interface Pod {
  spec: { containers: Array<{ name: string }>; ephemeralContainers?: unknown[] };
}

const pod = (name: string, ns: string | undefined, container: string): string => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}
spec:
  securityContext: {runAsUser: 1000}
  containers: [{name: ${container}, image: nginx}]
`;

describe('ktl debug -f matches kubectl', () => {
  let ns = '';
  const dir = mkdtempSync(join(tmpdir(), 'ktl-debug-file-'));
  const file = (name: string): string => join(dir, name);
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'debug-file');
    for (const name of ['mine', 'theirs']) {
      await kubectlOk(['apply', '-n', ns, '-f', '-'], { input: pod(name, undefined, 'live') });
      // the file names another container than the live pod: copies show which spec was used
      writeFileSync(file(`${name}.yaml`), pod(name, undefined, 'fromfile'));
    }
    writeFileSync(file('elsewhere.yaml'), pod('mine', 'default', 'x'));
    writeFileSync(
      file('deploy.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n',
    );
    writeFileSync(file('node.yaml'), 'apiVersion: v1\nkind: Node\nmetadata: {name: kwok-node-1}\n');
    writeFileSync(file('root.yaml'), 'securityContext: {runAsUser: 0}\n');
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(cleanups.map((fn) => fn()));
  });

  const both = async (args: (name: string) => string[]) => ({
    mine: await ktl(args('mine')),
    theirs: await kubectl(args('theirs')),
  });
  const spec = async (name: string): Promise<Pod['spec']> =>
    (JSON.parse(await kubectlOk(['get', 'pod', name, '-n', ns, '-o', 'json'])) as Pod).spec;

  test('an ephemeral container for the pod of a file, with the non-root warning', async () => {
    for (const extra of [
      ['--profile=general'],
      ['--profile=netadmin', `--custom=${file('root.yaml')}`],
    ]) {
      const { mine, theirs } = await both((name) => [
        ...['debug', '-f', file(`${name}.yaml`), '-n', ns, '--image=busybox'],
        ...extra,
      ]);
      assertSame(mine, theirs, extra.join(' '));
      assert.equal(mine.code, 0, mine.stderr);
    }
    assert.equal(
      mask(JSON.stringify((await spec('mine')).ephemeralContainers)),
      mask(JSON.stringify((await spec('theirs')).ephemeralContainers)),
    );
    const warned = await ktl(['debug', 'mine', '-n', ns, '--image=busybox', '--profile=sysadmin']);
    assert.match(warned.stderr, /^Warning: Non-root user is configured for the entire target Pod/);
  });

  test('a copy is made from the spec in the file, not the live pod', async () => {
    const { mine, theirs } = await both((name) => [
      ...['debug', '-f', file(`${name}.yaml`), '-n', ns, `--copy-to=${name}-copy`],
      ...['--image=busybox', '--profile=baseline', '-c', 'dbg'],
    ]);
    assertSame(mine, theirs, 'copy');
    const names = (await spec('mine-copy')).containers.map((c) => c.name);
    assert.deepEqual(names, ['fromfile', 'dbg']);
    assert.deepEqual(
      (await spec('theirs-copy')).containers.map((c) => c.name),
      names,
    );
  });

  test('a node from a file, and what kubectl refuses', async () => {
    const node = await both(() => [
      ...['debug', '-f', file('node.yaml'), '-n', ns, '--image=busybox', '--profile=general'],
    ]);
    assertSame(node.mine, node.theirs, 'node');
    for (const args of [
      ['-f', file('deploy.yaml')],
      ['-f', file('missing.yaml')],
      ['-f', file('elsewhere.yaml')],
      ['-f', file('mine.yaml'), 'mine'],
      ['-f', file('mine.yaml'), 'pod/mine'],
    ]) {
      const { mine, theirs } = await both(() => [
        ...['debug', ...args, '-n', ns, '--image=busybox', '--profile=general'],
      ]);
      assertSame(mine, theirs, args.join(' '));
      assert.equal(mine.code, 1);
    }
  });
});

/**
 * `ktl debug` against kubectl: the same errors, and the same objects left behind (the
 * ephemeral container each profile adds, the pod copy, the node debugging pod), with the random
 * name suffixes masked. kwok reports no status for ephemeral containers, so attaching (-i) is
 * not compared here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const mask = (text: string): string =>
  text
    .replace(/(debugger|node-debugger-[\w-]+?|kube-api-access)-[a-z0-9]{5}\b/g, '$1-XXXXX')
    .replace(/\\"name\\":\\"(mine|theirs)\\"/g, 'NAME');

async function same(args: string[]): Promise<void> {
  const [mine, theirs] = [await ktl(args), await kubectl(args)];
  const what = args.join(' ');
  assert.equal(
    mask(mine.stderr),
    mask(theirs.stderr.replaceAll('kubectl', 'ktl')),
    `stderr of ${what}`,
  );
  assert.equal(mask(mine.stdout), mask(theirs.stdout), `stdout of ${what}`);
  assert.equal(mine.code, theirs.code, `exit code of ${what}`);
}

interface Pod {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown> & { ephemeralContainers?: Array<Record<string, unknown>> };
}

describe('ktl debug matches kubectl', () => {
  let ns = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'debug');
    for (const name of ['mine', 'theirs'])
      await kubectlOk(['apply', '-n', ns, '-f', '-'], {
        input: `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}, annotations: {note: kept}}
spec:
  initContainers: [{name: setup, image: busybox}]
  containers:
  - {name: app, image: nginx, readinessProbe: {tcpSocket: {port: 80}}}
`,
      });
  });
  after(() => Promise.all(cleanups.map((fn) => fn())));

  test('errors, in kubectl order and words', async () => {
    for (const args of [
      ['debug', 'mine'],
      ['debug', 'mine', '--image=Bad Image'],
      ['debug', '--image=busybox'],
      ['debug', 'mine', '--image=busybox', '--profile=foo'],
      ['debug', 'mine', '--image=busybox', '-t'],
      ['debug', 'mine', '--image=busybox', '--copy-to=x', '--target=app'],
      ['debug', 'mine', '--image=busybox', '--replace'],
      ['debug', 'mine', '--image=busybox', '--same-node'],
      ['debug', 'mine', '--set-image=*=busybox'],
      ['debug', 'mine', '--copy-to=x'],
      ['debug', 'deploy/nope', '--image=busybox'],
      ['debug', 'nope', '--image=busybox', '--profile=general'],
      ['debug', 'mine', '--image=busybox', '--image-pull-policy=Sometimes'],
    ])
      await same([...args, '-n', ns]);
  });

  test('ephemeral containers: each profile, --target, -c, -- command', async () => {
    const variants: string[][] = [
      ['--profile=legacy'],
      ['--profile=general', '--target=app'],
      ['--profile=baseline', '-c', 'named'],
      ['--profile=restricted', '--env', 'A=1'],
      ['--profile=netadmin', '--', 'sleep', '1d'],
      ['--profile=sysadmin', '--arguments-only', '--', 'x'],
    ];
    for (const variant of variants) {
      const [dash = variant.length] = [variant.indexOf('--')].filter((i) => i >= 0);
      const flags = variant.slice(0, dash);
      const rest = variant.slice(dash);
      await ktl(['debug', 'mine', '-n', ns, '--image=busybox', ...flags, ...rest]).then((r) =>
        assert.equal(r.code, 0, r.stderr),
      );
      await kubectlOk(['debug', 'theirs', '-n', ns, '--image=busybox', ...flags, ...rest]);
    }
    const containers = async (name: string): Promise<string> =>
      mask(
        JSON.stringify(
          (JSON.parse(await kubectlOk(['get', 'pod', name, '-n', ns, '-o', 'json'])) as Pod).spec
            .ephemeralContainers,
        ),
      );
    assert.equal(await containers('mine'), await containers('theirs'));
  });

  test('--copy-to with --set-image, a debug container, --same-node, --share-processes, --replace', async () => {
    for (const [suffix, flags] of [
      ['images', ['--set-image=*=busybox:1']],
      ['general', ['--image=busybox', '--profile=general', '--keep-annotations']],
      ['legacy', ['--image=busybox', '--same-node', '--share-processes=false']],
      ['modified', ['-c', 'app', '--profile=baseline', '--', 'sh']],
      ['shared', ['--image=busybox', '--share-processes', '--image-pull-policy=Never', '-q']],
      ['named-images', ['--set-image=app=busybox:2,setup=busybox:3', '--profile=restricted']],
      [
        'kept',
        [
          ...['--image=busybox', '--profile=netadmin', '--keep-labels', '--keep-readiness'],
          ...['--keep-liveness', '--keep-startup', '--keep-init-containers=false'],
        ],
      ],
      ['sysadmin', ['--image=busybox', '--profile=sysadmin', '--env=K=V', '-i', '--attach=false']],
      ['args', ['-c', 'app', '--arguments-only', '--profile=general', '--', 'a', 'b']],
    ] as const) {
      const mine = await ktl(['debug', 'mine', '-n', ns, `--copy-to=mine-${suffix}`, ...flags]);
      const theirs = await kubectl([
        ...['debug', 'theirs', '-n', ns, `--copy-to=theirs-${suffix}`],
        ...flags,
      ]);
      assert.equal(mine.code, 0, mine.stderr);
      assert.equal(mask(mine.stdout), mask(theirs.stdout), suffix);
      assert.equal(mine.stderr, theirs.stderr, suffix);
      const spec = async (name: string): Promise<string> => {
        const pod = JSON.parse(
          await kubectlOk(['get', 'pod', name, '-n', ns, '-o', 'json']),
        ) as Pod;
        const { nodeName, ...rest } = pod.spec;
        return mask(
          JSON.stringify({
            labels: pod.metadata.labels,
            annotations: pod.metadata.annotations,
            spec: rest,
            sameNode: nodeName !== undefined,
          }),
        );
      };
      assert.equal(await spec(`mine-${suffix}`), await spec(`theirs-${suffix}`), suffix);
    }
    await same(['debug', 'mine', '-n', ns, '--copy-to=mine-images', '--image=busybox']);
  });

  test('node/NAME: the node debugging pod of each profile, left behind as kubectl leaves it', async () => {
    const selector = ['-n', ns, '-l', 'app.kubernetes.io/managed-by=kubectl-debug'];
    for (const flags of [
      ['--profile=legacy'],
      ['--profile=general', '-c', 'named', '--env=A=1'],
      ['--profile=baseline', '--', 'sleep', '1d'],
      ['--profile=restricted', '--image-pull-policy=IfNotPresent'],
      ['--profile=netadmin', '-q', '--arguments-only', '--', 'x'],
      ['--profile=sysadmin', '-it', '--attach=false'],
    ]) {
      const args = ['debug', 'node/kwok-node-0', '-n', ns, '--image=busybox', ...flags];
      const [mine, theirs] = [await ktl(args), await kubectl(args)];
      const what = flags.join(' ');
      assert.equal(mask(mine.stdout), mask(theirs.stdout), what);
      assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), what);
      assert.equal(mine.code, theirs.code, what);
      const pods = JSON.parse(await kubectlOk(['get', 'pods', ...selector, '-o', 'json'])) as {
        items: Pod[];
      };
      // never deleted by debug: removed here, so that the next profile finds only its own
      await kubectlOk(['delete', 'pods', ...selector, '--grace-period=0', '--force']);
      assert.equal(pods.items.length, 2, what);
      const [a, b] = pods.items.map((p) =>
        mask(JSON.stringify({ labels: p.metadata.labels, spec: p.spec })),
      );
      assert.equal(a, b, what);
    }
  });

  test("--replace deletes the original, and an existing copy name is the server's error", async () => {
    for (const name of ['mine', 'theirs'])
      await kubectlOk(['run', `${name}-victim`, '-n', ns, '--image=nginx', '--labels=app=v']);
    const args = (name: string) => [
      ...['debug', `${name}-victim`, '-n', ns, `--copy-to=${name}-victim-copy`],
      ...['--set-image=*=busybox', '--replace', '--same-node', '--profile=general'],
    ];
    const [mine, theirs] = [await ktl(args('mine')), await kubectl(args('theirs'))];
    assert.equal(mine.code, 0, mine.stderr);
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    const names = await kubectlOk(['get', 'pods', '-n', ns, '-o', 'name']);
    assert.match(names, /pod\/mine-victim-copy\n/);
    assert.doesNotMatch(names, /pod\/(mine|theirs)-victim\n/);
    await same([
      'debug',
      'mine',
      '-n',
      ns,
      '--copy-to=mine-victim-copy',
      '--image=busybox',
      '--replace',
    ]);
  });
});

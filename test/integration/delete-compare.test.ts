import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';

async function configMaps(namespace: string, names: string[], labels = ''): Promise<void> {
  for (const name of names) {
    await kubectlOk(['create', 'configmap', name, '-n', namespace]);
    if (labels) await kubectlOk(['label', 'configmap', name, '-n', namespace, labels]);
  }
}

test('ktl delete prints what kubectl 1.34 prints, for each form', async (t) => {
  const ns = await testNamespace(t, 'delete');
  const cases: Array<[string[], string[]]> = [
    [['a'], ['configmap', 'a']],
    [
      ['b', 'c'],
      ['configmap/b', 'configmap/c', '-o', 'name'],
    ],
    [['d'], ['configmap', 'd', '--dry-run=client']],
    [['e'], ['configmap', 'e', '--dry-run=server']],
    [['f'], ['configmap', 'f', '--force']],
    [[], ['configmap', 'missing']],
    [[], ['configmap', 'missing', '--ignore-not-found']],
    [[], ['configmap', '-l', 'nothing=here']],
    [[], ['configmap']],
  ];
  for (const [names, args] of cases) {
    await configMaps(ns, names);
    const ours = await ktl(['delete', '-n', ns, ...args]);
    await configMaps(
      ns,
      names.filter((n) => ['d', 'e'].includes(n) === false),
    );
    const theirs = await kubectl(['delete', '-n', ns, ...args]);
    assert.deepEqual(ours, theirs, `delete ${args.join(' ')}`);
    if (['d', 'e'].includes(names[0] ?? '')) await kubectlOk(['delete', 'cm', names[0]!, '-n', ns]);
  }
});

test('ktl delete -l and --all wait until the objects are gone; -f deletes what a file names', async (t) => {
  const ns = await testNamespace(t, 'delete-sel');
  await configMaps(ns, ['x1', 'x2'], 'app=x');
  await configMaps(ns, ['y1']);
  const selected = await ktl(['delete', 'cm', '-l', 'app=x', '-n', ns]);
  assert.equal(
    selected.stdout,
    `configmap "x1" deleted from ${ns} namespace\nconfigmap "x2" deleted from ${ns} namespace\n`,
  );
  const left = await kubectlOk(['get', 'cm', '-n', ns, '-o', 'name']);
  assert.deepEqual(left.trim().split('\n').sort(), ['configmap/kube-root-ca.crt', 'configmap/y1']);
  const manifest = JSON.stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'y1' },
  });
  const byFile = await ktl(['delete', '-n', ns, '-f', '-'], { input: manifest });
  assert.equal(byFile.stdout, `configmap "y1" deleted from ${ns} namespace\n`);
  const cluster = await ktl(['delete', 'clusterrole', 'ktl-no-such-role']);
  assert.equal(cluster.code, 1);
  assert.equal(
    cluster.stderr,
    'Error from server (NotFound): clusterroles.rbac.authorization.k8s.io "ktl-no-such-role" not found\n',
  );
});

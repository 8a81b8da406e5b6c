import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace, viewerKubeconfig } from '../helpers/cluster.js';

/** ktl and kubectl give the same stdout, stderr and exit code. */
async function same(args: string[]): Promise<string> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  const label = args.join(' ');
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${label}`);
  assert.equal(mine.stdout, theirs.stdout, `stdout of ${label}`);
  assert.equal(mine.code, theirs.code, `exit code of ${label}`);
  return mine.stdout;
}

const RBAC = (ns: string, user: string): string => `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: narrow, namespace: ${ns}}
rules:
  - {apiGroups: [""], resources: [configmaps], resourceNames: [one, two], verbs: [get, update]}
  - {apiGroups: ["", apps], resources: [pods, deployments/scale], verbs: [list, watch, get]}
  - {apiGroups: [batch], resources: [jobs], verbs: [delete]}
  - {apiGroups: [batch], resources: [jobs], verbs: [create, delete]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: narrow, namespace: ${ns}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: narrow}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: ${user}}]
`;

describe('auth can-i --list matches kubectl (SelfSubjectRulesReview)', () => {
  let ns = '';
  const user = `can-i-list-${process.pid}`;
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'can-i-list',
    );
    await kubectlOk(['apply', '-f', '-'], { input: RBAC(ns, user) });
  });

  test('admin: the namespace, another namespace and --no-headers', async () => {
    const table = await same(['auth', 'can-i', '--list', '-n', ns]);
    assert.match(
      table,
      /^Resources +Non-Resource URLs +Resource Names +Verbs\n\*\.\* +\[\] +\[\] +\[\*\]\n/,
    );
    await same(['auth', 'can-i', '--list', '-n', 'kube-system']);
    const bare = await same(['auth', 'can-i', '--list', '--no-headers', '-n', ns]);
    assert.doesNotMatch(bare, /Resources/);
  });

  test('viewer kubeconfig', async () => {
    const table = await same([
      '--kubeconfig',
      viewerKubeconfig,
      'auth',
      'can-i',
      '--list',
      '-n',
      ns,
    ]);
    assert.match(table, /^deployments\.apps +\[\] +\[\] +\[get list watch\]$/m);
  });

  test('--as a user with resource names, subresources and split rules', async () => {
    const table = await same(['auth', 'can-i', '--list', '-n', ns, `--as=${user}`]);
    assert.match(table, /^configmaps +\[\] +\[one\] +\[get update\]$/m);
    assert.match(table, /^deployments\.apps\/scale +\[\] +\[\] +\[list watch get\]$/m);
    assert.match(table, /^jobs\.batch +\[\] +\[\] +\[delete create\]$/m);
    await same(['auth', 'can-i', '--list', '-n', 'default', `--as=${user}`]);
    await same(['auth', 'can-i', '--list', '--as=system:anonymous']);
  });

  test("kubectl's argument errors", async () => {
    await same(['auth', 'can-i', '--list', 'get', 'pods']);
    await same(['auth', 'can-i', '--list', '-A']);
    await same(['auth', 'can-i', '--list', '-q']);
    await same(['auth', 'can-i', '--list', '--subresource=log']);
    await same(['auth', 'can-i', 'get', 'pods', '--no-headers', '-n', ns]);
  });
});

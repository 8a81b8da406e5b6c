/**
 * apply --force side by side with kubectl: a change the server refuses as Invalid (a Job's
 * immutable pod template) deletes and re-creates the object; the flag conflicts as kubectl's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const job = (image: string): string => `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: ${image}}]
`;

test('apply --force re-creates an object whose change the server refuses as Invalid', async (t) => {
  const namespaces = {
    ktl: await testNamespace(t, 'force'),
    kubectl: await testNamespace(t, 'force'),
  };
  for (const ns of Object.values(namespaces))
    await kubectlOk(['apply', '-n', ns, '-f', '-'], { input: job('busybox') });
  const uidBefore = await kubectlOk([
    'get',
    'job',
    'j',
    '-n',
    namespaces.ktl,
    '-o',
    'jsonpath={.metadata.uid}',
  ]);
  const run = (tool: typeof ktl, ns: string) =>
    tool(['apply', '-n', ns, '-f', '-', '--force'], { input: job('busybox:1.36') });
  const theirs = await run(kubectl, namespaces.kubectl);
  const mine = await run(ktl, namespaces.ktl);
  assert.equal(mine.stdout, theirs.stdout);
  assert.equal(mine.stdout, 'job.batch/j configured\n');
  assert.equal(mine.stderr, theirs.stderr);
  assert.equal(mine.code, theirs.code);
  for (const ns of Object.values(namespaces)) {
    const image = await kubectlOk([
      'get',
      'job',
      'j',
      '-n',
      ns,
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    ]);
    assert.equal(image, 'busybox:1.36');
  }
  const uidAfter = await kubectlOk([
    'get',
    'job',
    'j',
    '-n',
    namespaces.ktl,
    '-o',
    'jsonpath={.metadata.uid}',
  ]);
  assert.notEqual(uidAfter, uidBefore, 'a new object');
});

test('apply --force: the flag conflicts kubectl refuses', async (t) => {
  const ns = await testNamespace(t, 'force-flags');
  for (const extra of [['--server-side'], ['--dry-run=server']]) {
    const args = ['apply', '-n', ns, '-f', '-', '--force', ...extra];
    const [mine, theirs] = await Promise.all([
      ktl(args, { input: job('busybox') }),
      kubectl(args, { input: job('busybox') }),
    ]);
    assert.equal(mine.stderr, theirs.stderr);
    assert.equal(mine.code, theirs.code);
    assert.equal(mine.code, 1);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';
import { manifestFixture } from './apply-helpers.js';

/** The diff text without the header lines naming temporary files and times. */
function body(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^(diff -u -N |--- |\+\+\+ )/.test(l))
    .join('\n');
}

test('ktl diff: same hunks and exit codes as kubectl diff (0 none, 1 differences, 2 error)', async (t) => {
  const namespace = await testNamespace(t, 'diff');
  const steps = [1, 2, 3, 4].map((n) => manifestFixture('apply-steps', `step${n}.yaml`));
  await kubectlOk(['apply', '-n', namespace, '-f', steps[0]!]);
  for (const [index, file] of steps.entries()) {
    const ours = await ktl(['diff', '-n', namespace, '-f', file]);
    const theirs = await kubectl(['diff', '-n', namespace, '-f', file]);
    assert.equal(ours.code, index === 0 ? 0 : 1, ours.stderr);
    assert.equal(ours.code, theirs.code);
    assert.equal(body(ours.stdout), body(theirs.stdout), `step ${index + 1}`);
  }
  // The diff changed nothing.
  const unchanged = await ktl(['apply', '-n', namespace, '-f', steps[0]!]);
  assert.match(unchanged.stdout, /deployment\.apps\/web unchanged/);
  const missing = await ktl(['diff', '-f', '/nonexistent.yaml']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'error: the path "/nonexistent.yaml" does not exist\n');
});

test('ktl diff: Secret data masked as kubectl masks it; KUBECTL_EXTERNAL_DIFF used', async (t) => {
  const namespace = await testNamespace(t, 'diff-secret');
  const secret = (data: Record<string, string>): string =>
    JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace }, data });
  await kubectlOk(['apply', '-f', '-'], { input: secret({ same: 'YQ==', changed: 'Yg==' }) });
  const input = secret({ same: 'YQ==', changed: 'Yw==', added: 'ZA==' });
  const ours = await ktl(['diff', '-f', '-'], { input });
  const theirs = await kubectl(['diff', '-f', '-'], { input });
  assert.equal(ours.code, 1);
  assert.equal(body(ours.stdout), body(theirs.stdout));
  assert.match(ours.stdout, /^- {2}changed: '\*\*\* \(before\)'$/m);
  assert.match(ours.stdout, /^\+ {2}changed: '\*\*\* \(after\)'$/m);
  assert.ok(!ours.stdout.includes('Yw=='));
  const external = await ktl(['diff', '-f', '-'], {
    input,
    env: { KUBECTL_EXTERNAL_DIFF: 'diff -q' },
  });
  assert.equal(external.code, 1);
  assert.match(external.stdout, /^Files \/\S+\/LIVE-\S+ and \/\S+\/MERGED-\S+ differ$/m);
});

test('ktl diff locks the patch to the live object it prints (resourceVersion), as kubectl does', async (t) => {
  const namespace = await testNamespace(t, 'diff-lock');
  await kubectlOk([
    'create',
    'configmap',
    'locked',
    '--from-literal=a=1',
    '--save-config',
    '-n',
    namespace,
  ]);
  const input = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: locked}\ndata: {a: "2"}\n';
  const patchBody = (log: string): string => {
    const bodies = log.split('\n').filter((l) => l.includes('"Request Body" body="{'));
    assert.equal(bodies.length, 1, log);
    return (bodies[0] as string).replace(/^.*"Request Body" body=/, '');
  };
  const ours = await ktl(['diff', '-n', namespace, '-f', '-', '-v=8'], { input });
  const theirs = await kubectl(['diff', '-n', namespace, '-f', '-', '-v=8'], { input });
  assert.equal(ours.code, 1);
  assert.match(patchBody(ours.stderr), /\\"metadata\\":\{\\"resourceVersion\\":\\"\d+\\"\}/);
  assert.equal(patchBody(ours.stderr), patchBody(theirs.stderr));
});

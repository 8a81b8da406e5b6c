import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';
import { appliedState, manifestFixture } from './apply-helpers.js';

const steps = [1, 2, 3, 4].map((n) => manifestFixture('apply-steps', `step${n}.yaml`));

async function ktlApply(namespace: string, file: string): Promise<string> {
  const result = await ktl(['apply', '-n', namespace, '-f', file]);
  assert.equal(result.code, 0, `ktl apply ${file} failed: ${result.stderr}`);
  return result.stdout;
}

test('client-side apply: ktl alone and ktl/kubectl mixed end in the live state kubectl alone gives', async (t) => {
  // Steps change and remove fields, merge containers/env/ports/volumes by key, switch a
  // volume source and the deployment strategy (retainKeys) and reorder containers.
  const onlyKubectl = await testNamespace(t, 'apply-k');
  const onlyKtl = await testNamespace(t, 'apply-t');
  const kubectlFirst = await testNamespace(t, 'apply-kt');
  const ktlFirst = await testNamespace(t, 'apply-tk');
  for (const [index, file] of steps.entries()) {
    await kubectlOk(['apply', '-n', onlyKubectl, '-f', file]);
    const output = await ktlApply(onlyKtl, file);
    if (index === 0)
      assert.equal(
        output,
        'deployment.apps/web created\nservice/web created\nconfigmap/cfg created\n',
      );
    if (index % 2 === 0) {
      await kubectlOk(['apply', '-n', kubectlFirst, '-f', file]);
      await ktlApply(ktlFirst, file);
    } else {
      await ktlApply(kubectlFirst, file);
      await kubectlOk(['apply', '-n', ktlFirst, '-f', file]);
    }
    const expected = await appliedState(onlyKubectl);
    assert.deepEqual(
      await appliedState(onlyKtl),
      expected,
      `ktl alone differs after step ${index + 1}`,
    );
    assert.deepEqual(
      await appliedState(kubectlFirst),
      expected,
      `kubectl→ktl differs after step ${index + 1}`,
    );
    assert.deepEqual(
      await appliedState(ktlFirst),
      expected,
      `ktl→kubectl differs after step ${index + 1}`,
    );
  }
  const again = await ktlApply(onlyKtl, steps[3]!);
  assert.equal(
    again,
    'deployment.apps/web unchanged\nservice/web unchanged\nconfigmap/cfg unchanged\n',
  );
});

test('the last-applied annotation is byte for byte what kubectl writes', async (t) => {
  const byKubectl = await testNamespace(t, 'apply-ann-k');
  const byKtl = await testNamespace(t, 'apply-ann-t');
  const file = steps[3]!;
  await kubectlOk(['apply', '-n', byKubectl, '-f', file]);
  await ktlApply(byKtl, file);
  const jsonpath =
    '-o=jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}';
  for (const object of ['deploy/web', 'svc/web', 'cm/cfg']) {
    const expected = await kubectlOk(['get', object, '-n', byKubectl, jsonpath]);
    const actual = await kubectlOk(['get', object, '-n', byKtl, jsonpath]);
    assert.equal(actual.split(byKtl).join('NS'), expected.split(byKubectl).join('NS'), object);
    assert.ok(actual.endsWith('}\n'), 'a trailing newline, as Go json.Encoder writes');
    if (object === 'deploy/web') assert.ok(actual.includes('\\u003cb\\u003e'), 'HTML escaped');
  }
});

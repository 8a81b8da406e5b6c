import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, ktl } from '../helpers/cluster.js';
import { tempCacheDir } from './discovery-helpers.js';

const VARIANTS = [
  [],
  ['-o', 'wide'],
  ['-o', 'name'],
  ['-o', 'json'],
  ['-o', 'yaml'],
  ['--namespaced=false'],
  ['--namespaced'],
  ['--api-group=apps'],
  ['--api-group='],
  ['--verbs=list,watch'],
  ['--verbs=create', '--verbs=delete'],
  ['--sort-by=kind'],
  ['--sort-by=name', '-o', 'wide'],
  ['--no-headers'],
  // no short names: an empty column is as wide as kubectl's tabwriter minimum (6)
  ['--api-group=coordination.k8s.io', '--no-headers'],
  ['--categories=all'],
  ['--cached'],
  ['-o', 'json', '--api-group=nonexistent'],
  ['-o', 'wide', '--api-group=nonexistent'],
  ['-o', 'foo'],
  ['--sort-by=foo'],
];

test('api-resources prints what kubectl prints, for every flag combination', async () => {
  const kubectlCache = tempCacheDir();
  const ktlCache = tempCacheDir();
  for (const args of VARIANTS) {
    // Other test files create CRDs at the same time: compare only when kubectl printed the same
    // before and after ktl's run, i.e. the server's API surface did not change in between.
    let expected = await kubectl(['api-resources', ...args, '--cache-dir', kubectlCache]);
    let actual = await ktl(['api-resources', ...args, '--cache-dir', ktlCache]);
    for (let attempt = 0; attempt < 5; attempt++) {
      const after = await kubectl(['api-resources', ...args, '--cache-dir', kubectlCache]);
      if (after.stdout === expected.stdout) break;
      expected = after;
      actual = await ktl(['api-resources', ...args, '--cache-dir', ktlCache]);
    }
    const label = args.join(' ') || '(no flags)';
    assert.equal(actual.stdout, expected.stdout, `${label}: stdout`);
    assert.equal(actual.stderr, expected.stderr, `${label}: stderr`);
    assert.equal(actual.code, expected.code, `${label}: exit code`);
  }
});

test('api-versions prints what kubectl prints and always asks the server', async () => {
  const cacheDir = tempCacheDir();
  const expected = await kubectl(['api-versions', '--cache-dir', cacheDir]);
  const actual = await ktl(['api-versions', '--cache-dir', cacheDir, '-v=6']);
  assert.equal(actual.code, 0, actual.stderr);
  assert.equal(actual.stdout, expected.stdout);
  assert.match(expected.stdout, /^apps\/v1$/m);
  assert.match(actual.stderr, /url="https:\/\/[^"]+\/apis"/, 'a warm cache is still refreshed');
});

test('api-resources --cached on a warm cache makes no request at all', async () => {
  const cacheDir = tempCacheDir();
  await ktl(['api-resources', '--cache-dir', cacheDir]);
  const warm = await ktl(['api-resources', '--cached', '--cache-dir', cacheDir, '-v=6']);
  assert.equal(warm.code, 0);
  assert.match(warm.stdout, /^deployments +deploy +apps\/v1 +true +Deployment$/m);
  assert.doesNotMatch(warm.stderr, /"Response"/);
});

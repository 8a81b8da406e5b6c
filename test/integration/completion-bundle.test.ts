/**
 * bin/ktl runs `__complete` from dist/complete.cjs, a bundle of only what completion needs,
 * compiled with a V8 code cache under the kube cache directory: written by the first TAB, used
 * by the next, replaced when unusable.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isolatedHome, ktl, repoRoot } from '../helpers/cluster.js';

test('the completion bundle keeps a code cache; a corrupt or stale one is replaced', async () => {
  const home = isolatedHome();
  const cacheDir = join(home, '.kube', 'cache', 'ktl-code-cache');
  const complete = () => ktl(['__complete', 'versi'], { env: { HOME: home } });
  const expected =
    'version\tPrint the client and server version information for the current context.\n:4\n';

  const first = await complete();
  assert.equal(first.stdout, expected, first.stderr);
  const [cacheFile = '', ...others] = readdirSync(cacheDir);
  assert.ok(cacheFile.endsWith('.v8'), cacheFile);
  assert.deepEqual(others, []);
  const path = join(cacheDir, cacheFile);
  const written = readFileSync(path);
  assert.ok(written.length > 10_000, `a code cache of ${written.length} bytes`);

  assert.equal((await complete()).stdout, expected);
  assert.deepEqual(readFileSync(path), written, 'a usable cache is left as it is');

  writeFileSync(path, 'not a code cache');
  writeFileSync(join(cacheDir, 'complete-an-older-ktl.v8'), 'left by an older build');
  const afterCorruption = await complete();
  assert.equal(afterCorruption.stdout, expected, afterCorruption.stderr);
  assert.deepEqual(readdirSync(cacheDir), [cacheFile]);
  assert.ok(readFileSync(path).length > 10_000, 'the corrupt cache was rewritten');
});

test('the completion bundle holds no Ink, React or YAML parser, and no command implementations', () => {
  const bundle = readFileSync(join(repoRoot, 'dist', 'complete.cjs'), 'utf8');
  for (const mark of ['react.transitional.element', 'calculateLayout', 'Implicit keys need to be'])
    assert.ok(!bundle.includes(mark), `dist/complete.cjs holds ${mark}`);
  assert.match(bundle, /require\("yaml"\)/, 'yaml is required from node_modules when needed');
  assert.match(bundle, /ktl-completion-bundle-lacks:\.\/run-get\.js/);
});

/**
 * bin/ktl runs `__complete` from dist/complete.cjs, a bundle of only what completion needs
 * (everything else from dist/ktl.cjs), compiled with a V8 code cache under the kube cache
 * directory: written by the first run, used by the next, replaced when unusable.
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
  const fullBundleCache = 'ktl-of-the-full-bundle.v8';

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
  writeFileSync(join(cacheDir, fullBundleCache), 'the other bundle keeps its own');
  const afterCorruption = await complete();
  assert.equal(afterCorruption.stdout, expected, afterCorruption.stderr);
  assert.deepEqual(readdirSync(cacheDir).sort(), [cacheFile, fullBundleCache].sort());
  assert.ok(readFileSync(path).length > 10_000, 'the corrupt cache was rewritten');
});

test('the completion bundle holds no command implementations, which the full bundle has', () => {
  const complete = readFileSync(join(repoRoot, 'dist', 'complete.cjs'), 'utf8');
  const full = readFileSync(join(repoRoot, 'dist', 'ktl.cjs'), 'utf8');
  const getTablePrinter = 'No resources found';
  assert.ok(full.includes(getTablePrinter), 'dist/ktl.cjs prints tables');
  assert.ok(!complete.includes(getTablePrinter), 'dist/complete.cjs holds the table printer');
  assert.match(complete, /ktl-completion-bundle-lacks:\.\/run-get\.js/);
});

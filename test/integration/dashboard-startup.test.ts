import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, repoRoot } from '../helpers/cluster.js';

const dist = join(repoRoot, 'dist');
const REACT_MARK = 'react.transitional.element';
const INK_MARK = 'calculateLayout';

test('ktl version --client never loads Ink or React: they sit in dist/vendor.js, loaded by the dashboard only', async () => {
  // NODE_DEBUG=esm makes Node log every ES module it loads; the CLI bundles are CommonJS and
  // dist/vendor.js is the only ES module ktl has.
  const result = await ktl(['version', '--client'], { env: { NODE_DEBUG: 'esm' } });
  assert.equal(result.code, 0);
  assert.doesNotMatch(result.stderr, /vendor\.js/);
  const vendor = readFileSync(join(dist, 'vendor.js'), 'utf8');
  assert.ok(
    vendor.includes(REACT_MARK) && vendor.includes(INK_MARK),
    'vendor.js holds Ink and React',
  );
  for (const bundle of ['ktl.cjs', 'complete.cjs']) {
    const text = readFileSync(join(dist, bundle), 'utf8');
    assert.ok(!text.includes(REACT_MARK) && !text.includes(INK_MARK), `${bundle} holds React/Ink`);
  }
});

test('ktl dash without a terminal says so instead of drawing', async () => {
  const result = await ktl(['dash']);
  assert.equal(result.code, 1);
  assert.equal(
    result.stderr,
    'error: the dashboard needs a terminal (stdin and stdout must be a TTY)\n',
  );
});

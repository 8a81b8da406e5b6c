import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, repoRoot } from '../helpers/cluster.js';

const dist = join(repoRoot, 'dist');

/** Files a bundle file imports statically (what loads with it), followed transitively. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    ))
      queue.push(join(file, '..', match[1] as string));
  }
  return seen;
}

const REACT_MARK = 'react.transitional.element';
const INK_MARK = 'calculateLayout';

test('ktl version --client never loads Ink or React: they sit in a chunk reached only by dynamic import', async () => {
  const result = await ktl(['version', '--client']);
  assert.equal(result.code, 0);
  const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
  const withInk = chunks.filter((f) =>
    readFileSync(join(dist, 'chunks', f), 'utf8').includes(INK_MARK),
  );
  assert.ok(withInk.length > 0, 'the bundle contains Ink somewhere');
  const loaded = staticClosure(join(dist, 'main.js'));
  assert.ok(loaded.size > 1, 'static imports were followed');
  for (const file of loaded) {
    const text = readFileSync(file, 'utf8');
    assert.ok(
      !text.includes(REACT_MARK) && !text.includes(INK_MARK),
      `${file} is on the start-up path and holds React/Ink`,
    );
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

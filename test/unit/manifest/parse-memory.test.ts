import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const root = new URL('../../..', import.meta.url).pathname;

// A child with a small heap parses a manifest whose syntax trees, all held at once, would not
// fit: the documents must be composed one at a time and their field positions found only when
// a message asks for one. (Holding every document, 4 MB of YAML needed about 150 MB of heap;
// read one at a time, it needs its values, about 20 MB.)
const CHILD = `
import { manifestText } from './scripts/bench/big-manifest.mjs';
import { parseManifestText } from './src/resources/manifest/parse-documents.ts';
import { locate } from './src/resources/manifest/manifest-types.ts';
const text = manifestText(4 * 1024 * 1024);
const { objects, problems } = await parseManifestText('big.yaml', text);
const line = text.slice(0, text.lastIndexOf('  replicas:')).split('\\n').length;
const at = locate(objects.at(-1), ['spec', 'replicas']);
console.log(JSON.stringify({ count: objects.length, problems: problems.length, at, line }));
`;

test('a 4 MB manifest parses in a 64 MB heap, positions still found', () => {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=64', '--import', 'tsx', '--input-type=module', '-e', CHILD],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(child.status, 0, child.stderr.slice(-2000));
  const result = JSON.parse(child.stdout) as {
    count: number;
    problems: number;
    at: string;
    line: number;
  };
  assert.equal(result.problems, 0);
  assert.ok(result.count > 1000, `only ${result.count} objects`);
  const name = `big-${String(result.count - 1).padStart(6, '0')}`;
  assert.equal(
    result.at,
    `big.yaml:${result.line}:3 (document ${result.count}, Deployment/${name})`,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locate, positionOf } from '../../../src/resources/manifest/manifest-types.js';
import { parseManifestText } from '../../../src/resources/manifest/parse-documents.js';

test('multi-document YAML: empty and null documents skipped, List flattened, positions kept', async () => {
  const text = [
    '---',
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: v1',
    '  kind: ConfigMap',
    '  metadata: {name: a}',
    '  data:',
    '    key: v',
    '---',
    '',
    '---',
    'null',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: s',
  ].join('\n');
  const { objects, problems } = await parseManifestText('in.yaml', text);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    objects.map((o) => [o.object['kind'], o.source.document, o.source.itemPath]),
    [
      ['ConfigMap', 1, ['items', 0]],
      ['Secret', 4, []],
    ],
  );
  assert.deepEqual(positionOf(objects[0]!.source, ['data', 'key']), { line: 9, column: 5 });
  assert.equal(locate(objects[1]!, ['metadata', 'name']), 'in.yaml:18:3 (document 4, Secret/s)');
  assert.equal(locate(objects[1]!, ['spec', 'missing']), 'in.yaml:15:1 (document 4, Secret/s)');
});

test('YAML 1.1 as kubectl reads it: yes/on are booleans', async () => {
  const { objects } = await parseManifestText('x', 'kind: X\na: yes\nb: "yes"\nc: on\n');
  assert.deepEqual(objects[0]!.object, { kind: 'X', a: true, b: 'yes', c: true });
});

test('errors name the file, document, absolute line and column', async () => {
  const text = 'a: 1\n---\nkind: X\nmetadata:\n  name: p\n  name: q\n---\nb:\n\tc: 1\n';
  const { problems } = await parseManifestText('f.yaml', text);
  assert.deepEqual(
    problems.map((p) => [p.document, p.line, p.column, p.message]),
    [
      [2, 6, 3, 'duplicate key "name"'],
      [3, 9, 1, 'a tab character is used for indentation (YAML allows only spaces)'],
    ],
  );
});

test('an alias bomb is refused by the alias limit, never expanded', async () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  const { objects, problems } = await parseManifestText('bomb.yaml', lines.join('\n'));
  assert.equal(objects.length, 0);
  assert.match(problems[0]?.message ?? '', /too many YAML aliases/);
});

test('a document that is not an object is reported', async () => {
  const { problems } = await parseManifestText('s.yaml', '- a\n- b\n');
  assert.equal(problems[0]?.message, 'the document is not a YAML/JSON object');
});

test('a document nested 10,001 levels deep is refused as too deep, not a stack overflow', async () => {
  const depth = 10_001;
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const parsed = await parseManifestText('deep.yaml', text);
  assert.equal(parsed.objects.length, 0);
  assert.match(parsed.problems[0]?.message ?? '', /exceeded max depth/);
  assert.doesNotMatch(parsed.problems[0]?.message ?? '', /call stack/);
});

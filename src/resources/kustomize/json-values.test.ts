import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substituteJsonValues } from './json-values.js';
import { parseYamlDocuments } from './yaml-docs.js';
import { CORE_SCHEMA, loadAll, types } from 'js-yaml';

/** What js-yaml alone reads (the reference the fast path must equal). */
function slowParse(text: string): unknown[] {
  return loadAll(text, null, { schema: CORE_SCHEMA.extend({ implicit: [types.merge] }) }).filter(
    (doc) => doc !== null && doc !== undefined,
  );
}

const schema = JSON.stringify({
  type: 'object',
  properties: Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => [`f${i}`, { type: 'string', description: `field ${i}` }]),
  ),
});

test('one-line JSON values are read as js-yaml reads them, in maps and in sequences', () => {
  const text = `a: ${schema}\nlist:\n- ${'x'}: ${schema}\n- plain\nnested:\n  deeper: [${schema}, 1]\n`;
  assert.ok(substituteJsonValues(text), 'the fast path applies');
  assert.deepEqual(parseYamlDocuments(text, 'f.yaml'), slowParse(text));
});

test('a JSON-looking line inside a block scalar or a multi-line string stays text', () => {
  for (const text of [
    `script: |\n  key: ${schema}\nother: 1\n`,
    `quoted: 'start\n  key: ${schema}\n  end'\n`,
    `plain: start\n  more\nkey: ${schema}\nblock: >\n  k: ${schema}\n`,
  ])
    assert.deepEqual(parseYamlDocuments(text, 'f.yaml'), slowParse(text), text);
});

test('JSON that YAML reads differently is left to js-yaml: duplicate keys, long numbers, spacing', () => {
  const padding = `"pad":"${'p'.repeat(200)}"`;
  assert.throws(
    () => parseYamlDocuments(`a: {"k":1,"k":2,${padding}}\n`, 'f.yaml'),
    /f\.yaml:1: invalid YAML: duplicated mapping key/,
  );
  const long = `a: {"n":12345678901234567890,${padding}}\n`;
  assert.equal(substituteJsonValues(long), undefined);
  const spaced = `a: {"n": 1, ${padding}}\n`;
  assert.equal(substituteJsonValues(spaced), undefined);
  assert.deepEqual(parseYamlDocuments(spaced, 'f.yaml'), slowParse(spaced));
});

test('an alias of a substituted value is read as js-yaml reads it', () => {
  const text = `a: &x\n  s: ${schema}\nb: *x\nc:\n  <<: *x\n`;
  assert.deepEqual(parseYamlDocuments(text, 'f.yaml'), slowParse(text));
});

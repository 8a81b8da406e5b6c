/**
 * The fast reader (documents cut at `---`, read by js-yaml, any document it does not take read
 * by `yaml`) against `yaml` reading the whole file as before: the same objects, document
 * numbers, field positions and problems, word for word, on texts chosen to hit each fallback.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionOf } from '../../../src/resources/manifest/manifest-types.js';
import type { PathSegment } from '../../../src/resources/manifest/manifest-types.js';
import {
  parseManifestText,
  parseWithYaml,
} from '../../../src/resources/manifest/parse-documents.js';
import type { ParsedFile } from '../../../src/resources/manifest/parse-documents.js';

const cm = (name: string, extra = ''): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n${extra}`;

const TEXTS: Record<string, string> = {
  'plain documents': `${cm('a')}---\n${cm('b')}`,
  'leading comments before the first marker': `# head\n\n---\n${cm('a')}---\n${cm('b')}`,
  'empty and null documents': `---\n---\nnull\n---\n~\n---\n${cm('a')}---\n`,
  'content before the first marker': `${cm('a')}--- \n${cm('b')}`,
  'a List with a non-object item': `---\n${cm('a')}---\nkind: List\nitems:\n- ${cm('x').replaceAll('\n', '\n  ')}\n- 3\n`,
  'a nested List': `kind: List\nitems:\n- kind: List\n  items:\n  - kind: ConfigMap\n    metadata: {name: n}\n`,
  'anchors, aliases and merge keys': `${cm('a')}---\nbase: &b {x: 1, y: 2}\nkind: ConfigMap\nmetadata:\n  <<: *b\n  name: m\n`,
  'an inline merge map': `kind: ConfigMap\nmetadata:\n  <<: {x: 1}\n  name: m\n`,
  'an alias bomb in the second document': `${cm('a')}---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
  'duplicate keys': `${cm('a')}---\nkind: X\nmetadata:\n  name: p\n  name: q\n---\n${cm('c')}`,
  'tab indentation': `${cm('a')}---\nb:\n\tc: 1\n---\n${cm('c')}`,
  'a document that is a string or a list': `${cm('a')}---\njust text\n---\n- a\n- b\n---\n${cm('c')}`,
  JSON: `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}}\n---\n{"kind" : "X", "a": [1, 2.5, true, null]}\n`,
  'an unterminated flow map before a marker': `kind: X\na: {b: 1\n---\n${cm('c')}`,
  'an unterminated quoted string': `kind: X\na: "open\n---\n${cm('c')}`,
  'block scalars': `kind: X\ndata:\n  script: |\n    echo ---\n    --- not a marker\n  folded: >-\n    a\n    b\n---\n${cm('c')}`,
  'a multi-line quoted scalar': `kind: X\na: "one\n  two"\nb: c\n`,
  'a marker with a value': `--- {kind: X, a: 1}\n--- |\n  text\n---\n${cm('c')}`,
  'a document end marker': `${cm('a')}...\n---\n${cm('b')}`,
  'a YAML directive': `%YAML 1.1\n---\n${cm('a')}`,
  'CRLF line ends': `${cm('a')}---\n${cm('b')}`.replaceAll('\n', '\r\n'),
  'a byte order mark': `\uFEFF${cm('a')}`,
  'null keys': `${cm('a')}---\nkind: X\n~: 1\n---\nkind: X\nnull: 2\n---\nkind: X\n? \n: 3\n`,
  tags: `kind: X\na: !!str 123\nb: !!int "3"\nc: !!float 1\nd: !custom x\n---\nkind: X\ne: !!binary aGk=\n`,
  'keys and values js-yaml leaves to yaml': `kind: X\na: .inf\n---\nkind: X\n1.5: a\n685230.15: b\n0x1F: c\n9223372036854775807: d\n---\nkind: X\nv: 12345678901234567890\n`,
  'YAML 1.1 scalars': `kind: X\na: [y, n, on, off, 0755, 0o17, 0x1F, 12:30, 2001-12-14, 1e3, .5, ~, 1_000]\n`,
  'only comments': `# nothing\n# here\n`,
  empty: '',
  'a text ending in a marker': `${cm('a')}---`,
  'a sequence at the top with a key error': `kind: X\n- a\n`,
  'null and empty keys in flow collections': `kind: X\na: {: 1}\n---\nkind: X\nb: [null: 1]\n---\nkind: X\nc: {~ : 2}\n`,
  'a key longer than 1024 characters': `kind: X\n${'k'.repeat(1100)}: 1\n---\nkind: X\nlong: ${'v'.repeat(1100)}\n`,
  'a block mapping on the marker line': `--- kind: X\n--- # comment\nkind: Y\n`,
  // deep, yet below where a parser's recursion overflows the stack on any Node version we run:
  // beyond it the point of overflow (and so the column reported) depends on the engine's stack,
  // and 'exceeded max depth' is tested on its own (parse-documents' 10,001 levels)
  'deep nesting': `kind: X\na: ${'['.repeat(400)}${']'.repeat(400)}\n`,
};

/** Every path of a value (maps and lists), to compare field positions. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  return out;
}

function comparable(parsed: ParsedFile): unknown {
  return {
    problems: parsed.problems,
    objects: parsed.objects.map(({ object, source }) => ({
      object,
      file: source.file,
      document: source.document,
      itemPath: source.itemPath,
      positions: paths(object).map((path) => positionOf(source, path)),
    })),
  };
}

for (const [name, text] of Object.entries(TEXTS)) {
  test(`same result as the whole-file yaml reader: ${name}`, async () => {
    const fast = await parseManifestText('f.yaml', text);
    const whole = await parseWithYaml('f.yaml', text);
    assert.deepEqual(comparable(fast), comparable(whole));
  });
}

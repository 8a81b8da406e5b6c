/**
 * The unified object printer (item/end for lists, single for one object) replayed against every
 * recorded kubectl v1.34 `get -o` run of formats.json: json, yaml, name, jsonpath, custom-columns
 * and go-template, stdout and stderr byte for byte.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatError } from '../../../src/errors/format-error.js';
import { newObjectPrinter } from '../../../src/printers/object-printer.js';
import { parseOutputFormat } from '../../../src/printers/output-format.js';
import { loadOracle, objectsOf, outputFlag } from './oracle.js';

const oracle = loadOracle('formats');

function replay(args: readonly string[]): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  try {
    const templateArg = args.find((a) => a.startsWith('--template='))?.slice('--template='.length);
    const format = parseOutputFormat(outputFlag(args), templateArg);
    if (format.kind === 'table') throw new Error('table');
    const printer = newObjectPrinter(format, (t) => (stdout += t), {
      noHeaders: args.includes('--no-headers'),
      showManagedFields: args.includes('--show-managed-fields'),
      allowMissingTemplateKeys: !args.includes('--allow-missing-template-keys=false'),
    });
    const { objects, single } = objectsOf(oracle, args);
    if (single && objects[0]) {
      printer.single(objects[0]);
      printer.flush();
    } else {
      for (const object of objects) printer.item(object);
      printer.end();
    }
  } catch (error) {
    stderr = formatError(error).text;
  }
  return { stdout, stderr };
}

test('every recorded run replays', () => assert.ok(oracle.runs.length >= 100));

for (const recorded of oracle.runs) {
  test(`like kubectl: ${recorded.args.join(' ')}`, () => {
    const { stdout, stderr } = replay(recorded.args);
    assert.equal(stdout, recorded.stdout);
    assert.equal(stderr, recorded.stderr);
  });
}

test('a streamed JSON List equals the whole List printed at once', () => {
  let streamed = '';
  const printer = newObjectPrinter({ kind: 'json' }, (t) => (streamed += t));
  const items = [{ kind: 'A', metadata: { name: 'a', managedFields: [{}] } }, { kind: 'B' }];
  for (const item of items) printer.item(item);
  printer.end();
  const whole = {
    apiVersion: 'v1',
    items: [{ kind: 'A', metadata: { name: 'a' } }, { kind: 'B' }],
    kind: 'List',
    metadata: { resourceVersion: '' },
  };
  assert.equal(streamed, `${JSON.stringify(whole, null, 4)}\n`);
});

test('watch output: YAML documents separated by ---, events as compact JSON with managedFields', () => {
  let yaml = '';
  const yamlPrinter = newObjectPrinter({ kind: 'yaml' }, (t) => (yaml += t));
  yamlPrinter.single({ kind: 'A' });
  yamlPrinter.single({ kind: 'B' });
  assert.equal(yaml, 'kind: A\n---\nkind: B\n');
  let json = '';
  const jsonPrinter = newObjectPrinter({ kind: 'json' }, (t) => (json += t));
  jsonPrinter.single({ type: 'ADDED', object: { metadata: { managedFields: [], name: 'x' } } });
  assert.equal(json, '{"type":"ADDED","object":{"metadata":{"managedFields":[],"name":"x"}}}\n');
});

test('custom-columns rows printed one by one wait for flush and align together', () => {
  let out = '';
  const format = parseOutputFormat('custom-columns=N:.metadata.name,K:.kind');
  if (format.kind === 'table') throw new Error('table');
  const printer = newObjectPrinter(format, (t) => (out += t));
  printer.single({ kind: 'A', metadata: { name: 'a' } });
  printer.single({ kind: 'B', metadata: { name: 'longer-name' } });
  assert.equal(out, '');
  printer.flush();
  assert.equal(out, 'N             K\na             A\nlonger-name   B\n');
});

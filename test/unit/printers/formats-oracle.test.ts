/** -o name, custom-columns and format errors compared with kubectl v1.34's recorded output. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatError } from '../../../src/errors/format-error.js';
import { CustomColumnsWriter, parseCustomColumns } from '../../../src/printers/custom-columns.js';
import { resourceName } from '../../../src/printers/name-printer.js';
import { parseOutputFormat } from '../../../src/printers/output-format.js';
import { loadOracle, objectsOf, outputFlag } from './oracle.js';

const oracle = loadOracle('formats');

function render(args: readonly string[]): string {
  const templateArg = args.find((a) => a.startsWith('--template='))?.slice('--template='.length);
  const format = parseOutputFormat(outputFlag(args), templateArg);
  const { objects } = objectsOf(oracle, args);
  if (format.kind === 'name') return objects.map((o) => `${resourceName(o)}\n`).join('');
  if (format.kind === 'custom-columns') {
    let out = '';
    const writer = new CustomColumnsWriter(
      parseCustomColumns(format.spec),
      (t) => (out += t),
      args.includes('--no-headers'),
    );
    for (const object of objects) writer.printItem(object);
    writer.finish();
    return out;
  }
  return `unexpected format ${format.kind}`;
}

const runs = oracle.runs.filter((r) => {
  const output = outputFlag(r.args) ?? '';
  return (
    output === 'name' ||
    output.startsWith('custom-columns') ||
    (r.code !== 0 && !/template|jsonpath/.test(output))
  );
});

test('the recording has name and custom-columns cases', () => assert.ok(runs.length >= 8));

for (const recorded of runs) {
  test(`like kubectl: ${recorded.args.join(' ')}`, () => {
    let stdout = '';
    let stderr = '';
    try {
      stdout = render(recorded.args);
    } catch (error) {
      stderr = formatError(error).text;
    }
    assert.equal(stdout, recorded.stdout);
    assert.equal(stderr, recorded.stderr);
  });
}

for (const recorded of oracle.runs.filter(
  (r) => r.code !== 0 && /^(go-template|jsonpath)$|=$/.test(outputFlag(r.args) ?? ''),
)) {
  test(`format error like kubectl: ${recorded.args.join(' ')}`, () => {
    assert.throws(
      () => parseOutputFormat(outputFlag(recorded.args)),
      (error) => formatError(error).text === recorded.stderr,
    );
  });
}

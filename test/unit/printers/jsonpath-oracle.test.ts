/** JSONPath output compared with what kubectl v1.34 printed for the same templates and objects. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatError } from '../../../src/errors/format-error.js';
import { compileJsonPath, renderJsonPath } from '../../../src/printers/jsonpath-printer.js';
import { loadOracle, outputFlag, printedValue } from './oracle.js';

const oracle = loadOracle('formats');

function run(args: readonly string[]): { stdout: string; stderr: string } {
  const output = outputFlag(args) ?? '';
  const asJson = output.startsWith('jsonpath-as-json=');
  const template = output.slice(output.indexOf('=') + 1);
  const allowMissingKeys = !args.includes('--allow-missing-template-keys=false');
  try {
    const path = compileJsonPath(template);
    return {
      stdout: renderJsonPath(path, printedValue(oracle, args), { allowMissingKeys, asJson }),
      stderr: '',
    };
  } catch (error) {
    return { stdout: '', stderr: formatError(error).text };
  }
}

const runs = oracle.runs.filter((r) => /^jsonpath(-as-json)?=./.test(outputFlag(r.args) ?? ''));

test('the recording has JSONPath cases', () => {
  assert.ok(runs.length > 50, `${runs.length} runs`);
});

for (const recorded of runs) {
  test(`jsonpath like kubectl: ${recorded.args.slice(2).join(' ')}`, () => {
    const got = run(recorded.args);
    assert.equal(got.stdout, recorded.stdout);
    assert.equal(got.stderr, recorded.stderr);
  });
}

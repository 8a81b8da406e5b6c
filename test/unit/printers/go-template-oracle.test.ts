/** -o go-template compared with kubectl v1.34's recorded output (stdout and stderr, byte for byte). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatError } from '../../../src/errors/format-error.js';
import { compileGoTemplate, printGoTemplate } from '../../../src/printers/go-template-printer.js';
import { parseOutputFormat } from '../../../src/printers/output-format.js';
import { loadOracle, outputFlag, printedValue } from './oracle.js';

const oracle = loadOracle('formats');

function run(args: readonly string[]): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  try {
    const templateArg = args.find((a) => a.startsWith('--template='))?.slice('--template='.length);
    const format = parseOutputFormat(outputFlag(args), templateArg);
    if (format.kind !== 'go-template') throw new Error(`not a go-template: ${format.kind}`);
    const allowMissing = !args.includes('--allow-missing-template-keys=false');
    const template = compileGoTemplate(format.template);
    printGoTemplate(template, printedValue(oracle, args), (t) => (stdout += t), allowMissing);
  } catch (error) {
    stderr = formatError(error).text;
  }
  return { stdout, stderr };
}

const runs = oracle.runs.filter((r) => {
  const output = outputFlag(r.args) ?? '';
  const isTemplate = /^(go-template|template)=/.test(output);
  return isTemplate || (output === '' && r.args.some((a) => a.startsWith('--template=')));
});

test('the recording has the go-template cases', () => assert.ok(runs.length >= 38));

for (const recorded of runs) {
  test(`like kubectl: ${recorded.args.join(' ')}`, () => {
    const { stdout, stderr } = run(recorded.args);
    assert.equal(stdout, recorded.stdout);
    assert.equal(stderr, recorded.stderr);
  });
}

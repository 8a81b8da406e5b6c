/** -o yaml / -o json output compared with what kubectl v1.34 printed for the same objects. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toKubectlJson } from '../../../src/printers/json-text.js';
import { ListWriter } from '../../../src/printers/list-writer.js';
import { withoutManagedFields } from '../../../src/printers/managed-fields.js';
import { toKubectlYamlSync } from '../../../src/printers/yaml-text.js';
import { loadOracle, outputFlag, printedValue } from './oracle.js';

const oracle = loadOracle('formats');
const runs = oracle.runs.filter((r) => ['json', 'yaml'].includes(outputFlag(r.args) ?? ''));

for (const recorded of runs) {
  test(`like kubectl: ${recorded.args.join(' ')}`, () => {
    let value = printedValue(oracle, recorded.args);
    if (!recorded.args.includes('--show-managed-fields')) value = withoutManagedFields(value);
    const text =
      outputFlag(recorded.args) === 'json' ? toKubectlJson(value) : toKubectlYamlSync(value);
    assert.equal(text, recorded.stdout);
  });
}

for (const format of ['json', 'yaml'] as const) {
  for (const count of [0, 1, 3]) {
    test(`a streamed ${format} List of ${count} is kubectl's List text`, () => {
      const items = (oracle.store.objects['configmaps'] ?? []).slice(0, count);
      let streamed = '';
      const writer = new ListWriter(format, (t) => (streamed += t));
      for (const item of items) writer.item(item);
      writer.end();
      const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
      assert.equal(streamed, format === 'json' ? toKubectlJson(list) : toKubectlYamlSync(list));
    });
  }
}

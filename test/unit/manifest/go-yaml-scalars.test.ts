/**
 * Plain scalars as kubectl 1.34.4 reads them (sigs.k8s.io/yaml over go-yaml v2), pinned on both
 * of ktl's manifest readers: js-yaml's fast path and `yaml`'s path (the one every message comes
 * from). Each row was recorded from the real kubectl:
 *   kubectl create --dry-run=client --validate=false -o json -f one.yaml
 * with `x: {k: SCALAR}` (the value column: its JSON, as JavaScript reads it) and `x: {SCALAR: 1}`
 * (the key column). ERROR: kubectl refuses the file ("error converting YAML to JSON").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseManifestText,
  parseWithYaml,
} from '../../../src/resources/manifest/parse-documents.js';
import type { ParsedFile } from '../../../src/resources/manifest/parse-documents.js';

const ERROR = Symbol('kubectl: error converting YAML to JSON');
type Expected = string | typeof ERROR;

// [plain scalar, its value as JSON text, its JSON key]
const KUBECTL: Array<[string, Expected, Expected]> = [
  ['y', 'true', 'true'],
  ['Y', 'true', 'true'],
  ['yes', 'true', 'true'],
  ['Yes', 'true', 'true'],
  ['YES', 'true', 'true'],
  ['yES', '"yES"', 'yES'],
  ['n', 'false', 'false'],
  ['N', 'false', 'false'],
  ['no', 'false', 'false'],
  ['NO', 'false', 'false'],
  ['on', 'true', 'true'],
  ['On', 'true', 'true'],
  ['ON', 'true', 'true'],
  ['off', 'false', 'false'],
  ['OFF', 'false', 'false'],
  ['true', 'true', 'true'],
  ['True', 'true', 'true'],
  ['TRUE', 'true', 'true'],
  ['tRUE', '"tRUE"', 'tRUE'],
  ['false', 'false', 'false'],
  ['FALSE', 'false', 'false'],
  ['~', 'null', ERROR],
  ['null', 'null', ERROR],
  ['Null', 'null', ERROR],
  ['NULL', 'null', ERROR],
  ['0755', '493', '493'],
  ['-0755', '-493', '-493'],
  ['0o755', '493', '493'],
  ['0x1F', '31', '31'],
  ['-0x1F', '-31', '-31'],
  ['0X1F', '31', '31'],
  ['0b101', '5', '5'],
  ['-0b101', '-5', '-5'],
  ['+12', '12', '12'],
  ['1_000', '1000', '1000'],
  ['0_755', '493', '493'],
  ['12345678901234567890', '12345678901234567000', ERROR],
  ['123456789012345678901234', '1.2345678901234569e+23', '1.2345679e+23'],
  ['9223372036854775807', '9223372036854776000', '9223372036854775807'],
  ['9223372036854775808', '9223372036854776000', ERROR],
  ['-9223372036854775809', '-9223372036854776000', '-9.223372e+18'],
  ['00', '0', '0'],
  ['08', '8', '8'],
  ['09.5', '9.5', '9.5'],
  ['0.', '0', '0'],
  ['1.5', '1.5', '1.5'],
  ['1e3', '1000', '1000'],
  ['1E3', '1000', '1000'],
  ['1e+3', '1000', '1000'],
  ['.5', '0.5', '0.5'],
  ['5.', '5', '5'],
  ['+.5', '0.5', '0.5'],
  ['-.inf', ERROR, '-.inf'],
  ['.inf', ERROR, '.inf'],
  ['+.inf', ERROR, '.inf'],
  ['.Inf', ERROR, '.inf'],
  ['.INF', ERROR, '.inf'],
  ['.nan', ERROR, '.nan'],
  ['.NaN', ERROR, '.nan'],
  ['.NAN', ERROR, '.nan'],
  ['1.0', '1', '1'],
  ['6.8523015e+5', '685230.15', '685230.1'],
  ['685.230_15e+03', '685230.15', '685230.1'],
  ['1_0.5', '10.5', '10.5'],
  ['190:20:30.15', '"190:20:30.15"', '190:20:30.15'],
  ['190:20:30', '"190:20:30"', '190:20:30'],
  ['12:30', '"12:30"', '12:30'],
  ['-12:30', '"-12:30"', '-12:30'],
  ['1:2:3', '"1:2:3"', '1:2:3'],
  ['2001-12-14', '"2001-12-14"', '2001-12-14'],
  [
    '2001-12-14t21:59:43.10-05:00',
    '"2001-12-14t21:59:43.10-05:00"',
    '2001-12-14t21:59:43.10-05:00',
  ],
  ['2001-12-14 21:59:43.10 -5', '"2001-12-14 21:59:43.10 -5"', '2001-12-14 21:59:43.10 -5'],
  ['2001-12-14T21:59:43Z', '"2001-12-14T21:59:43Z"', '2001-12-14T21:59:43Z'],
  ['2002-1-1', '"2002-1-1"', '2002-1-1'],
  ['1.10.1', '"1.10.1"', '1.10.1'],
  ['1e', '"1e"', '1e'],
  ['0x', '"0x"', '0x'],
  ['1_', '1', '1'],
  ['_1', '"_1"', '_1'],
  ['0b', '"0b"', '0b'],
  ['0o', '"0o"', '0o'],
  ['1__2', '12', '12'],
  ['0.1e-10', '1e-11', '1e-11'],
  ['1e400', '"1e400"', '1e400'],
  ['-1e400', '"-1e400"', '-1e400'],
  ['=', '"="', '='],
  ['<<', '"<<"', ERROR],
  ['0xFFFFFFFFFFFFFFFF', '18446744073709552000', ERROR],
  ['0x1_F', '31', '31'],
  ['+0x1F', '31', '31'],
  ['0b1_0', '2', '2'],
  ['0o1_7', '15', '15'],
  ['+0o17', '15', '15'],
  ['1.5e', '"1.5e"', '1.5e'],
  ['.e3', '".e3"', '.e3'],
  ['-0', '0', '0'],
  ['-0.0', '0', '-0'],
  ['+', '"+"', '+'],
  ['.', '"."', '.'],
];

const readers: Array<[string, (file: string, text: string) => Promise<ParsedFile>]> = [
  ['fast path (falling back per document)', parseManifestText],
  ['yaml path', parseWithYaml],
];

function valueText(parsed: ParsedFile): Expected {
  if (parsed.problems.length > 0) return ERROR;
  const x = parsed.objects[0]?.object['x'] as Record<string, unknown>;
  return JSON.stringify(x['k']);
}

function keyText(parsed: ParsedFile): Expected {
  if (parsed.problems.length > 0) return ERROR;
  const x = parsed.objects[0]?.object['x'] as Record<string, unknown>;
  return Object.keys(x)[0] ?? '';
}

const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sem\nx:\n';

for (const [name, read] of readers) {
  test(`plain scalars as values, as kubectl reads them: ${name}`, async () => {
    for (const [plain, value] of KUBECTL) {
      const parsed = await read('one.yaml', `${head}  k: ${plain}\n`);
      assert.equal(valueText(parsed), value, `k: ${plain}`);
    }
  });

  test(`plain scalars as map keys, as kubectl turns them into JSON keys: ${name}`, async () => {
    for (const [plain, , key] of KUBECTL) {
      if (plain === '<<') continue; // a merge key, not a scalar
      const parsed = await read('one.yaml', `${head}  ${plain}: 1\n`);
      assert.equal(keyText(parsed), key, `${plain}: 1`);
    }
  });
}

test('quoted scalars stay strings on both paths', async () => {
  for (const [, read] of readers) {
    const parsed = await read('q.yaml', `${head}  a: "yes"\n  b: '0755'\n  c: "12:30"\n`);
    assert.deepEqual(parsed.objects[0]?.object['x'], { a: 'yes', b: '0755', c: '12:30' });
  }
});

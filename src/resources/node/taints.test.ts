import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  alreadyPresentKeys,
  conflictingTaints,
  parseTaintSpecs,
  reorganizeTaints,
  TaintSpecError,
} from './taints.js';

const nameRule =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function specError(specs: string[]): TaintSpecError {
  try {
    parseTaintSpecs(specs);
  } catch (error) {
    if (error instanceof TaintSpecError) return error;
    throw error;
  }
  assert.fail(`expected ${specs.join(' ')} to be refused`);
}

test('taint specs: the add and remove forms', () => {
  assert.deepEqual(
    parseTaintSpecs(['a=b:NoSchedule', 'c:NoExecute', 'd:PreferNoSchedule-', 'e-']),
    {
      add: [
        { key: 'a', value: 'b', effect: 'NoSchedule' },
        { key: 'c', value: '', effect: 'NoExecute' },
      ],
      remove: [
        { key: 'd', effect: 'PreferNoSchedule' },
        { key: 'e', effect: '' },
      ],
    },
  );
});

test("taint specs: kubectl's messages for bad specs, word for word", () => {
  assert.equal(specError(['foo=bar']).message, `invalid taint spec: foo=bar, ${nameRule}`);
  assert.equal(
    specError(['a=b:Bad']).message,
    'invalid taint effect: Bad, unsupported taint effect',
  );
  assert.equal(specError(['a=b=c:NoSchedule']).message, 'invalid taint spec: a=b=c:NoSchedule');
  assert.equal(specError(['a=b:c:NoSchedule']).message, 'invalid taint spec: a=b:c:NoSchedule');
  assert.equal(
    specError(['=b:NoSchedule']).message,
    `invalid taint spec: =b:NoSchedule, name part must be non-empty; ${nameRule}`,
  );
  assert.equal(
    specError(['a=b:NoSchedule', 'a=c:NoSchedule']).message,
    'duplicated taints with the same key and effect: {a c NoSchedule <nil>}',
  );
  assert.equal(specError(['a']).message, 'invalid taint spec: a');
});

test('taint specs: adding and removing one key conflict, named as kubectl names them', () => {
  assert.equal(
    conflictingTaints(parseTaintSpecs(['a=b:NoSchedule', 'a-'])),
    'can not both modify and remove the following taint(s) in the same command: a=',
  );
  assert.equal(conflictingTaints(parseTaintSpecs(['a=b:NoSchedule', 'a:NoExecute-'])), undefined);
});

test('reorganize: new taints first, old ones kept, removals reported when nothing matched', () => {
  const current = [
    { key: 'old', value: 'x', effect: 'NoSchedule' },
    { key: 'gone', value: '', effect: 'NoExecute' },
  ];
  const added = reorganizeTaints(current, false, parseTaintSpecs(['new=1:NoSchedule']));
  assert.equal(added.operation, 'tainted');
  assert.deepEqual(
    added.taints.map((t) => t.key),
    ['new', 'old', 'gone'],
  );
  const removed = reorganizeTaints(current, false, parseTaintSpecs(['gone-']));
  assert.equal(removed.operation, 'untainted');
  assert.deepEqual(removed.taints, [current[0]]);
  assert.deepEqual(removed.notFound, []);
  const both = reorganizeTaints(current, false, parseTaintSpecs(['n=1:NoSchedule', 'gone-']));
  assert.equal(both.operation, 'modified');
  const missing = reorganizeTaints(current, false, parseTaintSpecs(['nosuch-', 'x:NoSchedule-']));
  assert.deepEqual(missing.notFound, [
    'taint "nosuch" not found',
    'taint "x:NoSchedule" not found',
  ]);
  const overwritten = reorganizeTaints(current, true, parseTaintSpecs(['old=y:NoSchedule']));
  assert.equal(overwritten.operation, 'modified');
  assert.deepEqual(overwritten.taints[0], { key: 'old', value: 'y', effect: 'NoSchedule' });
});

test('already present: keys of added taints the node has with the same effect', () => {
  const current = [{ key: 'dedicated', value: 'a', effect: 'NoSchedule' }];
  assert.equal(
    alreadyPresentKeys(current, parseTaintSpecs(['dedicated=b:NoSchedule']).add),
    'dedicated',
  );
  assert.equal(alreadyPresentKeys(current, parseTaintSpecs(['dedicated=b:NoExecute']).add), '');
});

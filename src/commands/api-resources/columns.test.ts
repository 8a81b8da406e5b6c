import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignColumns } from './columns.js';

test('pads every cell but the last to the widest in its column plus three spaces', () => {
  const text = alignColumns([
    ['NAME', 'SHORTNAMES', 'KIND'],
    ['pods', 'po', 'Pod'],
    ['configmaps', '', 'ConfigMap'],
  ]);
  assert.equal(
    text,
    'NAME         SHORTNAMES   KIND\npods         po           Pod\nconfigmaps                ConfigMap\n',
  );
});

test('an empty last cell leaves the padding of the previous column (as Go tabwriter)', () => {
  assert.equal(
    alignColumns([
      ['a', 'x'],
      ['bb', ''],
    ]),
    'a    x\nbb   \n',
  );
});

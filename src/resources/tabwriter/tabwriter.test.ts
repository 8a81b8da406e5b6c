import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TabWriterOptions } from './tabwriter.js';
import { formatTabbed, KUBECTL_TABWRITER, TabWriter } from './tabwriter.js';

function written(lines: string[][], options: TabWriterOptions, flushEach = false): string {
  let text = '';
  const writer = new TabWriter((chunk) => (text += chunk), options);
  for (const line of lines) {
    writer.writeLine(line);
    if (flushEach) writer.flush();
  }
  writer.flush();
  return text;
}

test('pads every cell but the last to the widest in its column plus the padding', () => {
  const text = written(
    [
      ['NAME', 'SHORTNAMES', 'KIND'],
      ['pods', 'po', 'Pod'],
      ['configmaps', '', 'ConfigMap'],
    ],
    { minWidth: 0, padding: 3 },
  );
  assert.equal(
    text,
    'NAME         SHORTNAMES   KIND\npods         po           Pod\nconfigmaps                ConfigMap\n',
  );
});

test('an empty last cell leaves the padding of the previous column (as Go tabwriter)', () => {
  const lines = [
    ['a', 'x'],
    ['bb', ''],
  ];
  assert.equal(written(lines, { minWidth: 0, padding: 3 }), 'a    x\nbb   \n');
});

test("kubectl's minimal width 6 applies to narrow columns", () => {
  assert.equal(written([['a', 'b']], KUBECTL_TABWRITER), 'a     b\n');
});

test('remembered widths keep columns from shrinking across flushes; Go tabwriter forgets them', () => {
  const lines = [
    ['a-long-name', 'x'],
    ['b', 'y'],
  ];
  assert.equal(written(lines, KUBECTL_TABWRITER, true), 'a-long-name   x\nb             y\n');
  assert.equal(
    written(lines, { ...KUBECTL_TABWRITER, rememberWidths: false }, true),
    'a-long-name   x\nb     y\n',
  );
});

test('ANSI colour codes count towards widths only with ignoreAnsi false', () => {
  const red = '\u001b[31mab\u001b[0m';
  const lines = [
    [red, 'x'],
    ['abcd', 'y'],
  ];
  assert.equal(written(lines, { minWidth: 0, padding: 1 }), `${red}   x\nabcd y\n`);
  const raw = written(lines, { minWidth: 0, padding: 1, ignoreAnsi: false });
  assert.equal(raw, `${red} x\nabcd${' '.repeat(8)}y\n`);
});

test('formatTabbed aligns a whole text and leaves an unterminated last line as it is', () => {
  const options = { minWidth: 0, padding: 2, rememberWidths: false };
  assert.equal(formatTabbed('k:\tv\nkey:\tv\ntail\tx', options), 'k:    v\nkey:  v\ntail\tx');
});

/** duration.HumanDuration boundaries (apimachinery pkg/util/duration) and the colour rules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boldHeader, colourStatus } from '../../../src/printers/colour.js';
import { humanDuration, translateTimestampSince } from '../../../src/printers/human-duration.js';
import { TabWriter } from '../../../src/resources/tabwriter/tabwriter.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

const cases: Array<[number, string]> = [
  [-2 * s, '<invalid>'],
  [-1999, '0s'],
  [-1 * s, '0s'],
  [0, '0s'],
  [999, '0s'],
  [45 * s, '45s'],
  [119 * s, '119s'],
  [120 * s, '2m'],
  [121 * s, '2m1s'],
  [5 * m + 10 * s, '5m10s'],
  [9 * m + 59 * s, '9m59s'],
  [10 * m, '10m'],
  [10 * m + 59 * s, '10m'],
  [179 * m, '179m'],
  [180 * m, '3h'],
  [3 * h + 1 * m, '3h1m'],
  [7 * h + 59 * m, '7h59m'],
  [8 * h, '8h'],
  [47 * h + 59 * m, '47h'],
  [48 * h, '2d'],
  [49 * h, '2d1h'],
  [7 * d + 23 * h, '7d23h'],
  [8 * d, '8d'],
  [729 * d, '729d'],
  [730 * d, '2y'],
  [731 * d, '2y1d'],
  [8 * y - 1 * d, '7y364d'],
  [8 * y, '8y'],
  [20 * y + 100 * d, '20y'],
];

for (const [ms, text] of cases) {
  test(`humanDuration(${ms}ms) is ${text}`, () => assert.equal(humanDuration(ms), text));
}

test('AGE of a timestamp, <unknown> without one', () => {
  const now = Date.parse('2024-01-06T00:00:00Z');
  assert.equal(translateTimestampSince('2024-01-01T00:00:00Z', now), '5d');
  assert.equal(translateTimestampSince(undefined, now), '<unknown>');
  assert.equal(translateTimestampSince(null, now), '<unknown>');
});

test('statuses are coloured by meaning; unknown ones are left alone', () => {
  assert.equal(colourStatus('Running'), '\u001b[32mRunning\u001b[0m');
  assert.equal(colourStatus('Pending'), '\u001b[33mPending\u001b[0m');
  assert.equal(colourStatus('CrashLoopBackOff'), '\u001b[31mCrashLoopBackOff\u001b[0m');
  assert.equal(colourStatus('Completed'), '\u001b[2mCompleted\u001b[0m');
  assert.equal(colourStatus('Whatever'), 'Whatever');
  assert.equal(boldHeader('NAME'), '\u001b[1mNAME\u001b[0m');
});

test('colour codes do not count towards column widths', () => {
  let plain = '';
  let coloured = '';
  const a = new TabWriter((t) => (plain += t));
  const b = new TabWriter((t) => (coloured += t));
  a.writeLine(['NAME', 'STATUS', 'AGE']);
  a.writeLine(['web', 'Running', '5d']);
  b.writeLine(['NAME', boldHeader('STATUS'), 'AGE']);
  b.writeLine(['web', colourStatus('Running'), '5d']);
  a.flush();
  b.flush();
  assert.equal(
    coloured.split('\u001b[1m').join('').split('\u001b[32m').join('').split('\u001b[0m').join(''),
    plain,
  );
});

test('widths only grow across flushes (RememberWidths), like kubectl -w', () => {
  let out = '';
  const w = new TabWriter((t) => (out += t));
  w.writeLine(['a-long-name', 'x']);
  w.flush();
  w.writeLine(['b', 'y']);
  w.flush();
  assert.equal(out, 'a-long-name   x\nb             y\n');
});

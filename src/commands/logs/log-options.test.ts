import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LogsFlags } from './log-options.js';
import { planLogs, rfc3339 } from './log-options.js';
import { LinePrefixer } from './log-stream.js';

const base: LogsFlags = { maxLogRequests: '5', podRunningTimeout: '20s' };

test('a selector defaults --tail to 10; a pod name shows everything', () => {
  assert.equal(planLogs([], { ...base, selector: 'app=x' }).query['tailLines'], '10');
  assert.equal(planLogs(['p'], base).query['tailLines'], undefined);
  assert.equal(
    planLogs([], { ...base, selector: 'app=x', tail: '-1' }).query['tailLines'],
    undefined,
  );
  assert.equal(planLogs(['p'], { ...base, tail: '3' }).query['tailLines'], '3');
});

test('query parameters follow the flags', () => {
  const plan = planLogs(['p', 'c'], {
    ...base,
    follow: true,
    timestamps: true,
    since: '90s',
    previous: true,
  });
  assert.deepEqual(plan.query, {
    sinceSeconds: '90',
    follow: 'true',
    timestamps: 'true',
    previous: 'true',
  });
  assert.equal(plan.container, 'c');
});

test("kubectl's argument and flag errors", () => {
  assert.throws(() => planLogs([], base), /POD or TYPE\/NAME is a required argument/);
  assert.throws(
    () => planLogs(['p'], { ...base, selector: 'a=b' }),
    /only a selector \(-l\) or a POD name/,
  );
  assert.throws(
    () => planLogs(['p'], { ...base, since: '1s', sinceTime: '2024-01-01T00:00:00Z' }),
    /at most one of `sinceTime` or `sinceSeconds`/,
  );
  assert.throws(
    () => planLogs(['p'], { ...base, allContainers: true, container: 'c' }),
    /--all-containers=true should not be specified with container name c/,
  );
  assert.throws(
    () => planLogs(['p', 'c'], { ...base, container: 'd' }),
    /only one of -c or an inline/,
  );
  assert.throws(
    () => planLogs(['p'], { ...base, tail: '-2' }),
    /--tail must be greater than or equal to -1/,
  );
});

test('--since-time is sent as RFC 3339 UTC seconds', () => {
  assert.equal(rfc3339('2024-05-01T10:00:00.750+02:00'), '2024-05-01T08:00:00Z');
  assert.throws(() => rfc3339('yesterday'), /cannot parse "yesterday"/);
});

test('the prefixer writes whole lines, each prefixed', () => {
  const written: string[] = [];
  const prefixer = new LinePrefixer({ write: (s) => written.push(String(s)) > 0 }, '[pod/a/c] ');
  prefixer.write('one\ntw');
  prefixer.write('o\nthree');
  prefixer.end();
  assert.equal(written.join(''), '[pod/a/c] one\n[pod/a/c] two\n[pod/a/c] three');
});

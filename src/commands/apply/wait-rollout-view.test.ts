import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolloutView } from './wait-rollout-view.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    out: { isTTY, columns: 40, write: (c: string | Uint8Array) => chunks.push(String(c)) > 0 },
  };
}

test('piped: one kubectl rollout status line per change of a workload', () => {
  const { out, chunks } = stream(false);
  const view = rolloutView(out, ['deployment.apps/a', 'job.batch/b']);
  view.update(0, { state: 'progressing', message: 'Waiting for x...' });
  view.update(0, { state: 'progressing', message: 'Waiting for x...' });
  view.update(1, { state: 'ready', message: 'job "b" completed (1 succeeded)' });
  view.update(0, { state: 'ready', message: 'deployment "a" successfully rolled out' });
  view.close();
  assert.equal(
    chunks.join(''),
    'Waiting for x...\njob "b" completed (1 succeeded)\ndeployment "a" successfully rolled out\n',
  );
});

test('terminal: a block of one line per workload, redrawn in place and cut to the width', () => {
  const { out, chunks } = stream(true);
  const view = rolloutView(out, ['deployment.apps/a', 'job.batch/b']);
  assert.equal(
    chunks[0],
    '\r\x1b[2K… deployment.apps/a: waiting for the fi\n\r\x1b[2K… job.batch/b: waiting for the first st\n',
  );
  view.update(1, { state: 'failed', message: 'job "b" failed' });
  assert.equal(
    chunks[1],
    '\x1b[2A\r\x1b[2K… deployment.apps/a: waiting for the fi\n\r\x1b[2K✗ job.batch/b: job "b" failed\n',
  );
  view.update(1, { state: 'failed', message: 'job "b" failed' });
  assert.equal(chunks.length, 2, 'an unchanged line is not redrawn');
});

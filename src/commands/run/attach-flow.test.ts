import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CliError } from '../../errors/errors.js';
import { throwForExit } from './attach-flow.js';
import type { RunPod } from './wait-pod.js';
import { PodCompletedError, podCompleted, podRunningAndReady, podSucceeded } from './wait-pod.js';

function pod(phase: string, terminated?: { exitCode: number; reason?: string }): RunPod {
  return {
    metadata: { name: 'p', namespace: 'ns' },
    spec: { containers: [{ name: 'p' }] },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }],
      containerStatuses: terminated ? [{ name: 'p', state: { terminated } }] : [],
    },
  };
}

test('the exit code of a failed container becomes ktl run exit code, as kubectl run', () => {
  assert.doesNotThrow(() => throwForExit(pod('Succeeded')));
  assert.throws(
    () => throwForExit(pod('Failed', { exitCode: 3, reason: 'Error' })),
    (error: CliError) => error.exitCode === 3 && error.message === 'pod ns/p terminated (Error)\n',
  );
  assert.throws(
    () => throwForExit(pod('Failed')),
    (error: Error) => error.message === 'pod ns/p failed with unknown exit code',
  );
  assert.throws(() => throwForExit(pod('Running')), /pod ns\/p left in phase Running/);
});

test('the wait conditions of kubectl run', () => {
  assert.equal(podRunningAndReady(pod('Pending')), false);
  assert.equal(podRunningAndReady(pod('Running')), true);
  assert.throws(() => podRunningAndReady(pod('Failed')), PodCompletedError);
  assert.equal(podCompleted(pod('Failed')), true);
  assert.equal(podSucceeded(pod('Failed')), false);
  assert.equal(podSucceeded(pod('Succeeded')), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followsKind, readWorkload } from './workload-readiness.js';

const meta = (name: string, generation = 1) => ({ name, generation });

test('followsKind: the three rollout kinds of apps and batch Jobs', () => {
  assert.deepEqual(
    [
      followsKind('Deployment', 'apps'),
      followsKind('StatefulSet', 'apps'),
      followsKind('DaemonSet', 'apps'),
      followsKind('Job', 'batch'),
      followsKind('CronJob', 'batch'),
      followsKind('ConfigMap', ''),
    ],
    [true, true, true, true, false, false],
  );
});

test('a Deployment: progressing, ready, and failed on ProgressDeadlineExceeded', () => {
  const base = { metadata: meta('web'), spec: { replicas: 2 } };
  const progressing = readWorkload('Deployment', 'apps', {
    ...base,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1 },
  });
  assert.deepEqual(progressing, {
    state: 'progressing',
    message:
      'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
  });
  const ready = readWorkload('Deployment', 'apps', {
    ...base,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 },
  });
  assert.equal(ready.state, 'ready');
  const failed = readWorkload('Deployment', 'apps', {
    ...base,
    status: {
      observedGeneration: 1,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    },
  });
  assert.deepEqual(failed, {
    state: 'failed',
    message: 'deployment "web" exceeded its progress deadline',
  });
  const newSpec = readWorkload('Deployment', 'apps', {
    metadata: meta('web', 2),
    spec: { replicas: 2 },
    status: {
      observedGeneration: 1,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    },
  });
  assert.equal(newSpec.state, 'progressing', 'an old failure does not count for a new spec');
});

test('a DaemonSet with OnDelete updates cannot be followed', () => {
  const reading = readWorkload('DaemonSet', 'apps', {
    metadata: meta('d'),
    spec: { updateStrategy: { type: 'OnDelete' } },
  });
  assert.equal(reading.state, 'unsupported');
});

test('a Job: counts, Complete and Failed conditions', () => {
  assert.deepEqual(
    readWorkload('Job', 'batch', {
      metadata: meta('j'),
      spec: { completions: 3 },
      status: { succeeded: 1, active: 2 },
    }),
    {
      state: 'progressing',
      message: 'Waiting for job "j" to complete: 1 of 3 completions succeeded, 2 active...',
    },
  );
  assert.deepEqual(
    readWorkload('Job', 'batch', {
      metadata: meta('j'),
      status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
    }),
    { state: 'ready', message: 'job "j" completed (1 succeeded)' },
  );
  assert.deepEqual(
    readWorkload('Job', 'batch', {
      metadata: meta('j'),
      status: {
        conditions: [
          { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'too many' },
        ],
      },
    }),
    { state: 'failed', message: 'job "j" failed: BackoffLimitExceeded: too many' },
  );
});

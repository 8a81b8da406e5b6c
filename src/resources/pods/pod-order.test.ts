import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byLogging, mostActiveFirst } from './pod-order.js';
import type { Pod } from './pod-types.js';
import { allContainerNames, defaultContainer } from './pod-types.js';

function pod(name: string, phase: string, ready: boolean, created: string, node = 'n1'): Pod {
  return {
    metadata: { name, creationTimestamp: created },
    spec: { nodeName: node, containers: [{ name: 'c' }] },
    status: {
      phase,
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: created },
      ],
    },
  };
}

const pending = pod('pending', 'Pending', false, '2024-01-01T00:00:00Z');
const oldReady = pod('old', 'Running', true, '2024-01-01T00:00:00Z');
const newReady = pod('new', 'Running', true, '2024-01-02T00:00:00Z');
const unassigned = pod('unassigned', 'Pending', false, '2024-01-01T00:00:00Z', '');

test('logs prefer running, ready, longest-ready pods', () => {
  const sorted = [pending, newReady, unassigned, oldReady]
    .sort(byLogging)
    .map((p) => p.metadata.name);
  assert.deepEqual(sorted, ['old', 'new', 'pending', 'unassigned']);
});

test('exec and port-forward take the most active pod (ready the longest first)', () => {
  const sorted = [pending, oldReady, unassigned, newReady]
    .sort(mostActiveFirst)
    .map((p) => p.metadata.name);
  assert.deepEqual(sorted, ['old', 'new', 'pending', 'unassigned']);
});

test('default container notes match kubectl', () => {
  const notes: string[] = [];
  const multi: Pod = {
    metadata: { name: 'two', annotations: {} },
    spec: { initContainers: [{ name: 'setup' }], containers: [{ name: 'main' }, { name: 'side' }] },
  };
  assert.equal(
    defaultContainer(multi, (l) => notes.push(l)),
    'main',
  );
  assert.deepEqual(notes, ['Defaulted container "main" out of: main, side, setup (init)\n']);
  assert.equal(allContainerNames(multi), 'main, side, setup (init)');
  const annotated: Pod = {
    ...multi,
    metadata: { name: 'two', annotations: { 'kubectl.kubernetes.io/default-container': 'side' } },
  };
  assert.equal(
    defaultContainer(annotated, () => assert.fail('no note expected')),
    'side',
  );
});

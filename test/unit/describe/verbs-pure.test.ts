import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deploymentStatus,
  statefulSetStatus,
} from '../../../src/resources/rollout/status-viewers.js';
import { applyUpdates, changeVerb, mergePatchFor } from '../../../src/commands/label/run-label.js';
import { parseLabelUpdates, splitResourcesAndPairs } from '../../../src/commands/label/pairs.js';
import { conditionMet, jsonPathMet, parseWaitFor } from '../../../src/commands/wait/conditions.js';
import { applyJsonPatch } from '../../../src/commands/patch/json-patch.js';
import { editorCommand, stripComments } from '../../../src/runtime/edit/editor.js';
import { interval, sortEvents } from '../../../src/commands/events/event-rows.js';

test('deployment status lines in kubectl order', () => {
  const d = (
    spec: number,
    status: Record<string, number>,
    generation = 1,
  ): Parameters<typeof deploymentStatus>[0] => ({
    metadata: { name: 'web', generation },
    spec: { replicas: spec },
    status: { observedGeneration: 1, ...status },
  });
  assert.equal(
    deploymentStatus(d(3, {}, 2), 0).message,
    'Waiting for deployment spec update to be observed...\n',
  );
  assert.equal(
    deploymentStatus(d(3, { updatedReplicas: 1 }), 0).message,
    'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
  );
  assert.equal(
    deploymentStatus(d(3, { updatedReplicas: 3, replicas: 4 }), 0).message,
    'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
  );
  assert.equal(
    deploymentStatus(d(3, { updatedReplicas: 3, replicas: 3, availableReplicas: 1 }), 0).message,
    'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n',
  );
  const done = deploymentStatus(d(3, { updatedReplicas: 3, replicas: 3, availableReplicas: 3 }), 0);
  assert.deepEqual(done, { message: 'deployment "web" successfully rolled out\n', done: true });
  assert.throws(
    () => statefulSetStatus({ spec: { updateStrategy: { type: 'OnDelete' } } }),
    /only available for RollingUpdate/,
  );
});

test('label updates, overwrite errors, merge patches, change verbs', () => {
  assert.deepEqual(splitResourcesAndPairs(['pod', 'x', 'a=1', 'b-'], 'label'), {
    resources: ['pod', 'x'],
    pairs: ['a=1', 'b-'],
  });
  assert.throws(
    () => splitResourcesAndPairs(['pod', 'a=1', 'x'], 'label'),
    /all resources must be specified before label changes: x/,
  );
  assert.throws(() => parseLabelUpdates(['a=b=c']), /invalid label spec: a=b=c/);
  const updates = parseLabelUpdates(['a=2', 'gone-']);
  assert.throws(
    () => applyUpdates({ a: '1' }, updates, 'label', false),
    /'a' already has a value \(1\), and --overwrite is false/,
  );
  assert.deepEqual(applyUpdates({ a: '1', gone: 'x' }, updates, 'label', true), { a: '2' });
  assert.deepEqual(mergePatchFor('labels', { a: '1', gone: 'x' }, { a: '2' }), {
    metadata: { labels: { a: '2', gone: null } },
  });
  assert.deepEqual(mergePatchFor('labels', undefined, {}), { metadata: { labels: {} } });
  assert.equal(
    changeVerb({ metadata: { labels: { a: '1' } } }, { metadata: { labels: {} } }, false),
    'unlabeled',
  );
  assert.equal(
    changeVerb({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { a: '1' } } }, true),
    'not labeled',
  );
});

test('wait --for forms and checks', () => {
  assert.deepEqual(parseWaitFor('condition=Ready'), {
    kind: 'condition',
    name: 'Ready',
    value: 'true',
  });
  assert.throws(() => parseWaitFor('foo'), /unrecognized condition: "foo"/);
  assert.throws(() => parseWaitFor("jsonpath='{.a}'=b"), /unexpected path string/);
  const pod = {
    metadata: { generation: 2 },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', observedGeneration: 1 }],
    },
  };
  assert.equal(conditionMet(pod, 'ready', 'true'), false, 'a stale observedGeneration is ignored');
  const waitFor = parseWaitFor('jsonpath=.status.phase=Running');
  assert.ok(waitFor.kind === 'jsonpath' && jsonPathMet(pod, waitFor.path, waitFor.value));
});

test('JSON patch applied locally', () => {
  const doc = { a: { b: [1, 2] } };
  assert.deepEqual(applyJsonPatch(doc, [{ op: 'add', path: '/a/b/-', value: 3 }]), {
    a: { b: [1, 2, 3] },
  });
  assert.deepEqual(applyJsonPatch(doc, [{ op: 'replace', path: '/a/b/0', value: 9 }]), {
    a: { b: [9, 2] },
  });
  assert.throws(() => applyJsonPatch(doc, [{ op: 'replace', path: '/a/c', value: 1 }]), /missing/);
  assert.throws(
    () => applyJsonPatch(doc, [{ op: 'test', path: '/a/b/0', value: 9 }]),
    /test failed/,
  );
  assert.deepEqual(doc, { a: { b: [1, 2] } }, 'the input is not changed');
});

test('editor command lines and comment stripping', () => {
  assert.deepEqual(editorCommand({ KUBE_EDITOR: 'code --wait' }, '/f'), {
    command: 'code',
    args: ['--wait', '/f'],
  });
  assert.deepEqual(editorCommand({ EDITOR: 'nano' }, '/f'), { command: 'nano', args: ['/f'] });
  assert.deepEqual(editorCommand({}, '/f'), { command: 'vi', args: ['/f'] });
  assert.equal(
    editorCommand({ EDITOR: "emacs -nw 'x'", SHELL: '/bin/sh' }, '/f').command,
    '/bin/sh',
  );
  assert.equal(stripComments('# c\na: 1\n  # d\n#!keep\n'), 'a: 1\n#!keep\n');
});

test('events: sorted by last seen, repeated ones show counts', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  const repeated = {
    count: 3,
    firstTimestamp: '2026-01-01T00:00:00Z',
    lastTimestamp: '2026-01-01T00:09:00Z',
  };
  assert.equal(interval(repeated, now), '60s (x3 over 10m)');
  const order = sortEvents([
    { lastTimestamp: '2026-01-01T00:05:00Z', reason: 'b' },
    { eventTime: '2026-01-01T00:01:00.5Z', reason: 'a' },
  ]);
  assert.deepEqual(
    order.map((e) => e.reason),
    ['a', 'b'],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DaemonSetLookup, DrainOptions, DrainPod } from './drain-filters.js';
import { podsForDeletion } from './drain-filters.js';

const strict: DrainOptions = {
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  skipWaitForDeleteTimeout: 0,
};
const dsExists: DaemonSetLookup = () => Promise.resolve('found');

function pod(name: string, extra: Partial<DrainPod> = {}, owner?: string): DrainPod {
  const ownerReferences = owner ? [{ kind: owner, name: `${name}-owner`, controller: true }] : [];
  return {
    metadata: { name, namespace: 'ns', ownerReferences },
    spec: {},
    status: { phase: 'Running' },
    ...extra,
  };
}

test('drain: managed pods go, bare ones and DaemonSet pods are refused with kubectl wording', async () => {
  const list = await podsForDeletion(
    [pod('web', {}, 'ReplicaSet'), pod('bare'), pod('agent', {}, 'DaemonSet')],
    strict,
    dsExists,
  );
  assert.deepEqual(
    list.remove.map((p) => p.metadata?.name),
    ['web'],
  );
  assert.deepEqual(list.errors, [
    'cannot delete cannot delete Pods that declare no controller (use --force to override): ns/bare',
    'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ns/agent',
  ]);
});

test('drain: --force, --ignore-daemonsets and --delete-emptydir-data turn errors into warnings', async () => {
  const emptyDir = { spec: { volumes: [{ emptyDir: {} }] } };
  const list = await podsForDeletion(
    [
      pod('bare'),
      pod('bare2'),
      pod('agent', {}, 'DaemonSet'),
      pod('cache', emptyDir, 'ReplicaSet'),
    ],
    { force: true, ignoreDaemonSets: true, deleteEmptyDirData: true, skipWaitForDeleteTimeout: 0 },
    dsExists,
  );
  assert.deepEqual(
    list.remove.map((p) => p.metadata?.name),
    ['bare', 'bare2', 'cache'],
  );
  assert.deepEqual(list.errors, []);
  assert.equal(
    list.warnings,
    // kubectl's unreplicated filter runs last and drops the local-storage warning of a managed pod
    'deleting Pods that declare no controller: ns/bare, ns/bare2; ignoring DaemonSet-managed Pods: ns/agent',
  );
});

test('drain: mirror pods are skipped silently; finished pods always go', async () => {
  const mirror = pod('static', {
    metadata: {
      name: 'static',
      namespace: 'ns',
      annotations: { 'kubernetes.io/config.mirror': 'x' },
    },
  });
  const done = pod('job', { status: { phase: 'Succeeded' } });
  const list = await podsForDeletion([mirror, done], strict, dsExists);
  assert.deepEqual(
    list.remove.map((p) => p.metadata?.name),
    ['job'],
  );
  assert.deepEqual(list.errors, []);
  assert.equal(list.warnings, '');
});

test('drain: a pod of a DaemonSet that is gone needs --force', async () => {
  const gone: DaemonSetLookup = () => Promise.resolve('not-found');
  const refused = await podsForDeletion([pod('orphan', {}, 'DaemonSet')], strict, gone);
  assert.deepEqual(refused.errors, [
    'cannot delete daemonsets.apps "orphan-owner" not found: ns/orphan',
  ]);
  const forced = await podsForDeletion(
    [pod('orphan', {}, 'DaemonSet')],
    { ...strict, force: true },
    gone,
  );
  assert.equal(forced.remove.length, 1);
});

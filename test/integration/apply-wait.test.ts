/**
 * `apply --wait-rollout` (ktl only) against the real cluster, where kwok runs pods: a
 * Deployment that becomes available, one whose pods can never be scheduled (progress deadline
 * exceeded), a Job kwok completes, and a rollout still going when --timeout runs out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';

function deployment(name: string, extra: { deadline?: number; unschedulable?: boolean } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 2,
      ...(extra.deadline ? { progressDeadlineSeconds: extra.deadline } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...(extra.unschedulable ? { nodeSelector: { 'ktl-test/nowhere': 'true' } } : {}),
          containers: [{ name: 'c', image: 'nginx' }],
        },
      },
    },
  };
}

const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'once' },
  spec: {
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
  },
};

function list(...items: unknown[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

test('--wait-rollout follows a Deployment and a Job until ready, printing rollout status lines', async (t) => {
  const ns = await testNamespace(t, 'wait-ok');
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' } };
  const result = await ktl(['apply', '-n', ns, '--wait-rollout', '--timeout=60s', '-f', '-'], {
    input: list(deployment('web'), job, configMap),
  });
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 3), [
    'deployment.apps/web created',
    'job.batch/once created',
    'configmap/plain created',
  ]);
  assert.ok(lines.includes('deployment "web" successfully rolled out'), result.stdout);
  assert.ok(lines.includes('job "once" completed (1 succeeded)'), result.stdout);
  assert.equal(result.stderr, '');
  // What ktl reported is what the cluster says now.
  const status = await kubectl(['rollout', 'status', 'deploy/web', '-n', ns, '--watch=false']);
  assert.equal(status.stdout, 'deployment "web" successfully rolled out\n');
  const complete = await kubectlOk([
    'get',
    'job',
    'once',
    '-n',
    ns,
    '-o',
    'jsonpath={.status.conditions[?(@.type=="Complete")].status}',
  ]);
  assert.equal(complete, 'True');
});

test('--wait-rollout exits 1 and names a Deployment that exceeded its progress deadline', async (t) => {
  const ns = await testNamespace(t, 'wait-fail');
  const result = await ktl(['apply', '-n', ns, '--wait-rollout', '--timeout=60s', '-f', '-'], {
    input: list(deployment('good'), deployment('stuck', { deadline: 1, unschedulable: true })),
  });
  assert.equal(result.code, 1, result.stdout);
  assert.ok(result.stdout.includes('deployment "good" successfully rolled out\n'), result.stdout);
  assert.ok(result.stdout.includes('deployment "stuck" exceeded its progress deadline\n'));
  assert.equal(
    result.stderr,
    'error: 1 of 2 workloads did not become ready:\n  deployment.apps/stuck: deployment "stuck" exceeded its progress deadline\n',
  );
  // kubectl agrees once the controller settles: with a 1 s deadline the Progressing condition
  // can flip back to ReplicaSetUpdated when the pending pods are counted, then time out again.
  const theirs = await kubectlRolloutStatusUntilFailed(ns, 'deploy/stuck');
  assert.equal(theirs.stderr, 'error: deployment "stuck" exceeded its progress deadline\n');
  assert.equal(theirs.code, 1);
});

async function kubectlRolloutStatusUntilFailed(ns: string, ref: string) {
  for (let attempt = 0; ; attempt++) {
    const status = await kubectl(['rollout', 'status', ref, '-n', ns, '--watch=false']);
    if (status.code !== 0 || attempt >= 40) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('--wait-rollout exits 1 and names a Job that failed', async (t) => {
  const ns = await testNamespace(t, 'wait-job-fail');
  const failing = {
    ...job,
    metadata: { name: 'late' },
    spec: {
      activeDeadlineSeconds: 1,
      template: {
        spec: { ...job.spec.template.spec, nodeSelector: { 'ktl-test/nowhere': 'true' } },
      },
    },
  };
  const result = await ktl(['apply', '-n', ns, '--wait-rollout', '--timeout=60s', '-f', '-'], {
    input: list(job, failing),
  });
  assert.equal(result.code, 1, result.stdout);
  assert.ok(result.stdout.includes('job "once" completed (1 succeeded)\n'), result.stdout);
  assert.match(
    result.stderr,
    /^error: 1 of 2 workloads did not become ready:\n {2}job\.batch\/late: job "late" failed: DeadlineExceeded: Job was active longer than specified deadline\n$/,
  );
});

test('--wait-rollout gives up at --timeout and says what it was waiting for', async (t) => {
  const ns = await testNamespace(t, 'wait-timeout');
  const started = Date.now();
  const result = await ktl(['apply', '-n', ns, '--wait-rollout', '--timeout=2s', '-f', '-'], {
    input: list(deployment('pending', { unschedulable: true })),
  });
  const elapsed = Date.now() - started;
  assert.equal(result.code, 1);
  assert.ok(elapsed >= 2000, `gave up after ${elapsed} ms, before --timeout=2s`);
  assert.match(
    result.stderr,
    /^error: 1 of 1 workloads did not become ready:\n {2}deployment\.apps\/pending: timed out waiting for the rollout \(last status: Waiting for deployment "pending" rollout to finish: 0 of 2 updated replicas are available\.\.\.\)\n$/,
  );
});

test("--wait-rollout does not wait under --dry-run, and --wait keeps kubectl apply's meaning", async (t) => {
  const ns = await testNamespace(t, 'wait-dry');
  const dry = await ktl(
    ['apply', '-n', ns, '--wait-rollout', '--timeout=1s', '--dry-run=server', '-f', '-'],
    { input: list(deployment('never', { unschedulable: true })) },
  );
  assert.deepEqual(dry, {
    stdout: 'deployment.apps/never created (server dry run)\n',
    stderr: '',
    code: 0,
  });
  const ours = await ktl(['apply', '--help']);
  const theirs = await kubectl(['apply', '--help']);
  assert.match(
    theirs.stdout,
    /--wait=false:\n\tIf true, wait for resources to be gone before returning/,
  );
  assert.doesNotMatch(theirs.stdout, /wait-rollout/);
  assert.match(
    ours.stdout,
    /--wait=false:\n\tIf true, wait for resources to be gone before returning/,
  );
  assert.match(ours.stdout, /--wait-rollout/);
});

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, normalizeAges, testNamespace } from '../helpers/cluster.js';

const atExit = { after: (fn: () => unknown) => void process.on('exit', () => void fn()) };

/**
 * Runs `events -w ARGS` with ktl and kubectl side by side for `ms`, making `change` after a
 * moment; both are then stopped and their outputs returned.
 */
async function watchBoth(
  args: string[],
  change: () => Promise<unknown>,
  ms = 10_000,
): Promise<{ mine: RunResult; theirs: RunResult }> {
  const running = Promise.all([
    ktl(['events', '-w', ...args], { timeoutMs: ms }),
    kubectl(['events', '-w', ...args], { timeoutMs: ms }),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await change();
  const [mine, theirs] = await running;
  return { mine, theirs };
}

describe('events -w prints like kubectl events -w', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(atExit, 'events-watch');
    // An event that exists before the watch starts: replayed first by both.
    await kubectlOk(['-n', ns, 'run', 'early', '--image=busybox']);
    await kubectlOk(['-n', ns, 'wait', '--for=condition=Ready', 'pod/early', '--timeout=60s']);
  });

  test('the table, then new events as they come, in the same columns', async () => {
    const { mine, theirs } = await watchBoth(['-n', ns], () =>
      kubectlOk(['-n', ns, 'create', 'deployment', 'web', '--image=nginx']),
    );
    assert.equal(mine.stderr, theirs.stderr);
    assert.match(mine.stdout, /^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n/);
    assert.match(mine.stdout, /Pod\/early +Successfully assigned/, 'replayed event');
    assert.match(mine.stdout, /ScalingReplicaSet +Deployment\/web +Scaled up replica set/);
    assert.match(mine.stdout, /SuccessfulCreate +ReplicaSet\/web-/);
    assert.equal(normalizeAges(mine.stdout), normalizeAges(theirs.stdout));
  });

  test('-o yaml with --for and --types=Normal: each event object as it comes', async () => {
    const { mine, theirs } = await watchBoth(
      ['-n', ns, '--for', 'deployment/rollout', '--types=Normal', '-o', 'yaml'],
      () => kubectlOk(['-n', ns, 'create', 'deployment', 'rollout', '--image=nginx']),
    );
    assert.match(mine.stdout, /^apiVersion: v1\n/);
    assert.match(mine.stdout, /reason: ScalingReplicaSet/);
    assert.doesNotMatch(mine.stdout, /SuccessfulCreate/, 'only the deployment’s events');
    assert.equal(mine.stdout, theirs.stdout);
  });

  test('--no-headers and -A: no header, a NAMESPACE column', async () => {
    const job = `job-${process.pid}`;
    const { mine, theirs } = await watchBoth(['-A', '--no-headers', '--for', `job/${job}`], () =>
      kubectlOk(['-n', ns, 'create', 'job', job, '--image=busybox']),
    );
    assert.doesNotMatch(mine.stdout, /LAST SEEN/);
    assert.match(
      mine.stdout,
      new RegExp(`^${ns} +\\w+ +Normal +SuccessfulCreate +Job/${job}`, 'm'),
    );
    assert.equal(normalizeAges(mine.stdout), normalizeAges(theirs.stdout));
    assert.equal(mine.stderr, theirs.stderr);
  });
});

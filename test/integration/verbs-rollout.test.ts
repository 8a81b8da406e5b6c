import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { atExit, kc, same, sameInTwins, twins } from './verbs-helpers.js';

const SLOW_DEPLOYMENT = (ns: string, name: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 3
  minReadySeconds: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      ${extra}containers: [{name: c, image: "nginx:1"}]
`;

const PROGRESS =
  /^(Waiting for deployment "slow" rollout to finish: (\d+ out of \d+ new replicas have been updated|\d+ old replicas are pending termination|\d+ of \d+ updated replicas are available)\.\.\.|Waiting for deployment spec update to be observed\.\.\.|deployment "slow" successfully rolled out)$/;

describe('rollout', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(atExit, 'verbs-roll');
    await kubectlOk(['apply', '-f', '-'], { input: SLOW_DEPLOYMENT(ns, 'slow') });
    await kubectlOk(['apply', '-f', '-'], {
      input: SLOW_DEPLOYMENT(ns, 'stuck', 'nodeSelector: {nowhere: "1"}\n      '),
    });
    await kc(ns, 'rollout', 'status', 'deploy/slow', '--timeout=90s');
  });

  test('status follows a rolling Deployment to the end, with the lines kubectl prints', async () => {
    await kc(ns, 'set', 'image', 'deploy/slow', 'c=nginx:2');
    const [mine, theirs] = await Promise.all([
      ktl(['-n', ns, 'rollout', 'status', 'deploy/slow', '--timeout=90s'], { timeoutMs: 100_000 }),
      kubectl(['-n', ns, 'rollout', 'status', 'deploy/slow', '--timeout=90s'], {
        timeoutMs: 100_000,
      }),
    ]);
    for (const result of [mine, theirs]) {
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      for (const line of lines) assert.match(line, PROGRESS);
      assert.equal(lines.at(-1), 'deployment "slow" successfully rolled out');
    }
    assert.ok(
      mine.stdout.split('\n').length > 2,
      `progress lines were printed while rolling:\n${mine.stdout}`,
    );
  });

  test('status --timeout, --watch=false, errors', async () => {
    await same(['-n', ns, 'rollout', 'status', 'deploy/stuck', '--timeout=2s']);
    await same(['-n', ns, 'rollout', 'status', 'deploy/slow', '--watch=false']);
    await same(['-n', ns, 'rollout', 'status', 'deploy/nope']);
    await same(['-n', ns, 'rollout', 'status', 'configmap/kube-root-ca.crt']);
    await same(['-n', ns, 'rollout', 'status']);
  });

  test('history, with and without --revision', async () => {
    await same(['-n', ns, 'rollout', 'history', 'deploy/slow']);
    await same(['-n', ns, 'rollout', 'history', 'deploy/slow', '--revision=1']);
    await same(['-n', ns, 'rollout', 'history', 'deploy/slow', '--revision=9']);
    await same(['-n', ns, 'rollout', 'history', 'deploy/slow', '-o', 'name']);
  });
});

describe('rollout undo, pause, resume, restart match kubectl', () => {
  let pair: Twins;
  before(async () => {
    pair = await twins('verbs-undo', async (ns) => {
      await kc(ns, 'create', 'deployment', 'web', '--image=nginx:1', '--replicas=2');
      await kc(ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
      await kc(ns, 'set', 'image', 'deploy/web', 'nginx=nginx:2');
      await kc(ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
    });
  });

  test('a sequence of pause, restart, undo, resume, undo --to-revision', async () => {
    for (const step of [
      'pause',
      'pause',
      'restart',
      'undo',
      'resume',
      'resume',
      'history',
      'undo',
      'history',
      'undo --to-revision=99',
      'undo --to-revision=3',
      'status',
      'history',
    ]) {
      await sameInTwins(pair, ['rollout', ...step.split(' '), 'deploy', 'web']);
      await kc(pair.mine, 'rollout', 'status', 'deploy/web', '--timeout=60s');
      await kc(pair.theirs, 'rollout', 'status', 'deploy/web', '--timeout=60s');
    }
    const image = await kc(
      pair.mine,
      'get',
      'deploy/web',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    );
    assert.equal(image, 'nginx:1', 'undo restored the first template');
  });

  test('restart sets the restartedAt annotation; unsupported kinds fail as in kubectl', async () => {
    await sameInTwins(pair, ['rollout', 'restart', 'deploy/web']);
    const at = await kc(
      pair.mine,
      'get',
      'deploy/web',
      '-o',
      'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}',
    );
    assert.ok(Math.abs(Date.parse(at) - Date.now()) < 60_000, `restartedAt is now: ${at}`);
    await sameInTwins(pair, ['rollout', 'restart', 'configmap/kube-root-ca.crt']);
    await sameInTwins(pair, ['rollout', 'pause', 'configmap/kube-root-ca.crt']);
    await sameInTwins(pair, ['rollout', 'undo', 'configmap/kube-root-ca.crt']);
    await sameInTwins(pair, ['rollout', 'history', 'configmap/kube-root-ca.crt']);
  });
});

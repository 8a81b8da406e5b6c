/**
 * `ktl get -w` across a real kube-apiserver restart. The test runs its own small cluster (the
 * shared one serves other tests at the same time), restarts the API server under a running
 * watch, changes objects right after, and expects every change in the output.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isolatedHome, repoRoot } from '../helpers/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-restart-cluster-'));
const clusterScript = join(repoRoot, 'scripts/cluster/cluster.sh');
const kubeconfig = join(dir, 'kubeconfig');

function cluster(command: string): void {
  const result = spawnSync('bash', [clusterScript, command], {
    env: { ...process.env, KTL_CLUSTER_DIR: dir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cluster.sh ${command} failed:\n${result.stderr}`);
}

function kubectl(...args: string[]): string {
  const env = readFileSync(join(dir, 'env'), 'utf8');
  const bin = /^KTL_KUBECTL=(.*)$/m.exec(env)?.[1] ?? 'kubectl';
  const result = spawnSync(bin, ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function until(
  read: () => string,
  pattern: RegExp,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pattern.test(read())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; output so far:\n${read()}`);
}

before(() => cluster('up'));
after(() => cluster('down'));

test('a watch survives the API server restarting and shows what changed meanwhile', async () => {
  kubectl('create', 'configmap', 'before-restart', '-n', 'default');
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'bin/ktl'),
      'get',
      'configmaps',
      '-n',
      'default',
      '-w',
      '--output-watch-events',
    ],
    {
      env: { ...process.env, KUBECONFIG: kubeconfig, HOME: isolatedHome(), NO_COLOR: '1' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  try {
    await until(() => stdout, /ADDED\s+before-restart/, 'the first list');
    cluster('restart-apiserver');
    kubectl('create', 'configmap', 'after-restart', '-n', 'default');
    kubectl('delete', 'configmap', 'before-restart', '-n', 'default');
    await until(() => stdout, /ADDED\s+after-restart/, 'the object created after the restart');
    await until(() => stdout, /DELETED\s+before-restart/, 'the object deleted after the restart');
    assert.match(stderr, /the watch was interrupted/);
    assert.match(stderr, /the watch resumed/);
    assert.equal(child.exitCode, null, 'the watch is still running');
  } finally {
    child.kill('SIGTERM');
  }
});

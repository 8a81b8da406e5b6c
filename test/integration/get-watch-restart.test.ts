/**
 * `ktl get -w` and `ktl dash` across a real kube-apiserver restart. The test runs its own small
 * cluster (the shared one serves other tests at the same time), restarts the API server under a
 * running watch or dashboard, changes objects right after, and expects every change to show.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isolatedHome, repoRoot } from '../helpers/cluster.js';
import { Terminal } from './dashboard-terminal.js';

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

/** cluster.sh COMMAND without blocking this process (the screen is read meanwhile). */
function clusterInBackground(command: string): Promise<void> {
  const child = spawn('bash', [clusterScript, command], {
    env: { ...process.env, KTL_CLUSTER_DIR: dir },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`cluster.sh ${command} exited ${code}`)),
    ),
  );
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

test('the dashboard shows the API server restart as an outage, then exactly the rows on the server', async () => {
  kubectl('create', 'configmap', 'dash-before', '-n', 'default');
  const t = new Terminal(['dash', 'configmaps', '-n', 'default'], { kubeconfig });
  try {
    await t.waitFor((s) => /synced/.test(s) && /dash-before/.test(s), 20_000);
    const restarted = clusterInBackground('restart-apiserver');
    const outage = await t.waitFor(/reconnecting · stale since \d\d:\d\d:\d\d/, 30_000);
    assert.match(outage, /dash-before/, 'the rows stay on screen while stale');
    await restarted;
    kubectl('create', 'configmap', 'dash-after', '-n', 'default');
    kubectl('delete', 'configmap', 'dash-before', '-n', 'default');
    const expected = kubectl('get', 'configmaps', '-n', 'default', '-o', 'name')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace('configmap/', ''))
      .sort();
    const healed = await t.waitForRows(expected, 60_000);
    assert.doesNotMatch(healed, /stale since/);
    t.keys(['q']);
    assert.equal(await t.exited(), 0);
  } finally {
    t.close();
  }
});

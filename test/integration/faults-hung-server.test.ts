/**
 * A kube-apiserver that hangs (SIGSTOP: its port still accepts connections, nothing answers),
 * on a small cluster of this file's own (the shared one serves other tests at the same time).
 * One-shot commands give up with kubectl's error instead of hanging; a running watch and the
 * dashboard notice the silence, show the data as stale and resume once the server is back.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from '../helpers/cluster.js';
import { Terminal } from './dashboard-terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-hung-cluster-'));
const home = mkdtempSync(join(tmpdir(), 'ktl-hung-home-'));
const clusterScript = join(repoRoot, 'scripts/cluster/cluster.sh');
const kubeconfig = join(dir, 'kubeconfig');

function cluster(command: string): void {
  const result = spawnSync('bash', [clusterScript, command], {
    env: { ...process.env, KTL_CLUSTER_DIR: dir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cluster.sh ${command} failed:\n${result.stderr}`);
}

function envVar(name: string): string {
  const value = new RegExp(`^${name}=(.*)$`, 'm').exec(readFileSync(join(dir, 'env'), 'utf8'));
  if (!value?.[1]) throw new Error(`${name} missing from ${dir}/env`);
  return value[1];
}

/** Freezes or thaws the apiserver (always thawed again at the end, whatever happened). */
function apiserver(signal: 'SIGSTOP' | 'SIGCONT'): void {
  process.kill(Number(envVar('KTL_APISERVER_PID')), signal);
}

function kubectl(...args: string[]): string {
  const result = spawnSync(envVar('KTL_KUBECTL'), ['--kubeconfig', kubeconfig, ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(command: string, args: string[], timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home, NO_COLOR: '1' },
    });
    const out: Run = { stdout: '', stderr: '', code: null };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ...out, code });
    });
  });
}

const ktlBin = join(repoRoot, 'bin/ktl');

/** kubectl's last line, without the klog lines (E1207 …) it prints before it. */
function finalMessage(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^[EIW]\d{4} /.test(line))
    .join('\n');
}

async function until(read: () => string, pattern: RegExp, what: string, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (pattern.test(read())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; output so far:\n${read()}`);
}

before(() => cluster('up'));
after(() => {
  try {
    apiserver('SIGCONT');
  } catch {
    // the cluster never came up
  }
  cluster('down');
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

test("get and apply against a hung apiserver end with kubectl's error instead of hanging", async () => {
  const manifest = join(home, 'cm.yaml');
  writeFileSync(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hung\n');
  apiserver('SIGSTOP');
  try {
    const [get, kubectlGet, apply] = await Promise.all([
      run(process.execPath, [ktlBin, 'get', 'pods']),
      run(envVar('KTL_KUBECTL'), ['get', 'pods']),
      run(process.execPath, [ktlBin, 'apply', '-f', manifest]),
    ]);
    assert.notEqual(get.code, null, 'ktl get was still hanging when killed');
    assert.equal(get.stderr, finalMessage(kubectlGet.stderr));
    assert.equal(get.code, kubectlGet.code);
    assert.notEqual(apply.code, null, 'ktl apply was still hanging when killed');
    assert.equal(apply.code, 1);
    assert.match(
      apply.stderr,
      /^Unable to connect to the server: net\/http: TLS handshake timeout/m,
    );
  } finally {
    apiserver('SIGCONT');
  }
});

test('a watch notices a hung apiserver without waiting for the 90 s inactivity timeout', async () => {
  kubectl('create', 'configmap', 'before-hang', '-n', 'default');
  const child = spawn(
    process.execPath,
    [ktlBin, 'get', 'configmaps', '-n', 'default', '-w', '--output-watch-events'],
    { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  try {
    await until(() => stdout, /ADDED\s+before-hang/, 'the first list', 30_000);
    apiserver('SIGSTOP');
    try {
      await until(
        () => stderr,
        /the watch was interrupted \(the server did not answer for \d+s\)/,
        'the hang to be noticed',
        60_000,
      );
    } finally {
      apiserver('SIGCONT');
    }
    kubectl('create', 'configmap', 'after-hang', '-n', 'default');
    await until(() => stdout, /ADDED\s+after-hang/, 'the object created after the hang', 90_000);
    assert.match(stderr, /the watch resumed/);
  } finally {
    child.kill('SIGTERM');
  }
});

test('the dashboard shows a hung apiserver as stale, and heals when it answers again', async () => {
  kubectl('create', 'configmap', 'dash-hang', '-n', 'default');
  const t = new Terminal(['dash', 'configmaps', '-n', 'default'], { kubeconfig });
  try {
    await t.waitFor((s) => /synced/.test(s) && /dash-hang/.test(s), 30_000);
    apiserver('SIGSTOP');
    try {
      const outage = await t.waitFor(/reconnecting · stale since \d\d:\d\d:\d\d/, 60_000);
      assert.match(outage, /dash-hang/, 'the rows stay on screen while stale');
    } finally {
      apiserver('SIGCONT');
    }
    await t.waitFor(/synced/, 90_000);
    t.keys(['q']);
    assert.equal(await t.exited(), 0);
  } finally {
    t.close();
  }
});

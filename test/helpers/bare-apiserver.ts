/**
 * A second, real kube-apiserver for tests that need a cluster *without* something the shared
 * one has (the metrics API): the shared apiserver's own flags and certificates, another port,
 * and an etcd prefix of its own, so it starts empty (no APIServices, no objects). It is stopped
 * and its keys are deleted from etcd when the test ends.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminKubeconfig, clusterDir, clusterEnv, kubectl } from './cluster.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function deleteEtcdPrefix(etcd: string, prefix: string): Promise<void> {
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  await fetch(`${etcd}/v3/kv/deleterange`, {
    method: 'POST',
    body: JSON.stringify({ key: b64(prefix), range_end: b64(end) }),
  }).catch(() => undefined);
}

/** Starts the apiserver and returns a kubeconfig (admin) that points at it. */
export async function startBareApiserver(t: {
  after: (fn: () => unknown) => void;
}): Promise<string> {
  const args = readFileSync(join(clusterDir, 'run', 'kube-apiserver.args'), 'utf8')
    .split('\0')
    .filter(Boolean);
  const [binary = '', ...flags] = args;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ktl-bare-apiserver-'));
  const prefix = `/ktl-bare-${process.pid}-${Date.now().toString(36)}/`;
  const changed = flags
    .filter((f) => !f.startsWith('--secure-port=') && !f.startsWith('--cert-dir='))
    .concat([`--secure-port=${port}`, `--cert-dir=${dir}`, `--etcd-prefix=${prefix}`]);
  const child = spawn(binary, changed, { stdio: ['ignore', 'ignore', 'ignore'] });
  t.after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await deleteEtcdPrefix(clusterEnv()['KTL_ETCD_ENDPOINT'] ?? '', prefix);
    rmSync(dir, { recursive: true, force: true });
  });
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    readFileSync(adminKubeconfig, 'utf8').replace(
      /server: https:\/\/127\.0\.0\.1:\d+/,
      `server: https://127.0.0.1:${port}`,
    ),
  );
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = await kubectl(['get', '--raw', '/readyz'], { env: { KUBECONFIG: kubeconfig } });
    if (ready.code === 0) return kubeconfig;
    if (child.exitCode !== null)
      throw new Error(`the second kube-apiserver exited (${child.exitCode})`);
    if (Date.now() > deadline)
      throw new Error(`the second kube-apiserver is not ready: ${ready.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

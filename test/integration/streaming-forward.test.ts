import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  adminKubeconfig,
  clusterDir,
  ktl,
  kubectl,
  kubectlOk,
  kubectlPath,
  repoRoot,
  testNamespace,
  viewerKubeconfig,
} from '../helpers/cluster.js';

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number>;
}

/** Starts a long-running command (ktl or kubectl) and collects its output. */
function start(binary: 'ktl' | 'kubectl', args: string[]): Running {
  const [command, prefix] =
    binary === 'ktl' ? [process.execPath, [join(repoRoot, 'bin', 'ktl')]] : [kubectlPath(), []];
  const child = spawn(command, [...prefix, ...args], {
    env: { ...process.env, KUBECONFIG: adminKubeconfig, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** klog's header (time, pid) differs between runs. */
function withoutKlogHeader(text: string): string {
  return text.replace(/^E\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm, 'E ');
}

describe('port-forward, proxy, cluster-info and auth can-i against the real cluster', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'fwd',
    );
    await kubectlOk(['run', 'one', '--image=busybox', '--port=8080', '-n', ns]);
    await kubectlOk(['create', 'service', 'clusterip', 'one', '--tcp=80:8080', '-n', ns]);
    await kubectlOk(['label', 'service', 'one', 'run=one', '--overwrite', '-n', ns]);
    await kubectlOk(['set', 'selector', 'service', 'one', 'run=one', '-n', ns]);
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/one', '-n', ns, '--timeout=60s']);
  });

  test('a port kwok does not forward: same lines and exit as kubectl', async () => {
    const results = [];
    for (const binary of ['ktl', 'kubectl'] as const) {
      const run = start(binary, ['port-forward', 'pod/one', ':81', '-n', ns]);
      await waitFor('Forwarding line', () => /127\.0\.0\.1:(\d+)/.test(run.stdout()));
      const port = /127\.0\.0\.1:(\d+)/.exec(run.stdout())?.[1];
      await get(`http://127.0.0.1:${port}/`).catch(() => undefined);
      const code = await run.exited;
      results.push({
        code,
        stdout: run
          .stdout()
          .replaceAll(`:${port} `, ':PORT ')
          .replaceAll(`for ${port}`, 'for PORT'),
        stderr: withoutKlogHeader(run.stderr()).replaceAll(String(port), 'PORT'),
      });
    }
    const [mine, theirs] = results;
    assert.deepEqual(mine, theirs);
    assert.match(mine?.stderr ?? '', /no forward found for port 81/);
    assert.equal(mine?.code, 1);
  });

  test('a service port maps to the pod target port', async () => {
    const run = start('ktl', ['port-forward', 'svc/one', ':80', '-n', ns]);
    try {
      await waitFor('Forwarding line', () => run.stdout().includes('-> 8080'));
      assert.match(run.stdout(), /^Forwarding from 127\.0\.0\.1:\d+ -> 8080$/m);
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  test('a forwarded port serves an HTTP request (kwok ClusterPortForward on 8080)', async () => {
    const kwokConfig = readFileSync(join(clusterDir, 'kwok', 'kwok.yaml'), 'utf8');
    assert.match(
      kwokConfig,
      /kind: ClusterPortForward/,
      'the cluster script must give kwok a ClusterPortForward serving port 8080 (see the report of the streaming work)',
    );
    const run = start('ktl', ['port-forward', 'pod/one', ':8080', '-n', ns]);
    try {
      await waitFor('Forwarding line', () => /127\.0\.0\.1:(\d+) -> 8080/.test(run.stdout()));
      const port = /127\.0\.0\.1:(\d+)/.exec(run.stdout())?.[1];
      const response = await get(`http://127.0.0.1:${port}/`);
      assert.equal(response.status, 200);
      assert.equal(response.body, 'hello from kwok');
      assert.match(run.stdout(), new RegExp(`^Handling connection for ${port}$`, 'm'));
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  test('proxy serves /version and rejects exec paths and foreign hosts', async () => {
    const run = start('ktl', ['proxy', '--port=0']);
    try {
      await waitFor('start line', () =>
        /Starting to serve on 127\.0\.0\.1:\d+\n/.test(run.stdout()),
      );
      const port = /:(\d+)/.exec(run.stdout())?.[1];
      const version = await get(`http://127.0.0.1:${port}/version`);
      assert.equal(version.status, 200);
      const server = JSON.parse((await kubectlOk(['get', '--raw', '/version'])).trim()) as object;
      assert.deepEqual(JSON.parse(version.body), server);
      const exec = await get(`http://127.0.0.1:${port}/api/v1/namespaces/${ns}/pods/one/exec`);
      assert.deepEqual(exec, { status: 403, body: 'Forbidden\n' });
      const foreign = await new Promise<number>((resolve, reject) =>
        http
          .get(
            { host: '127.0.0.1', port, path: '/version', headers: { host: 'evil.example:80' } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          )
          .on('error', reject),
      );
      assert.equal(foreign, 403);
      const log = await get(`http://127.0.0.1:${port}/api/v1/namespaces/${ns}/pods/one/log`);
      assert.match(log.body, /fake log line 1 from kwok/);
    } finally {
      run.child.kill('SIGTERM');
    }
  });

  test('cluster-info matches kubectl', async () => {
    const [mine, theirs] = await Promise.all([ktl(['cluster-info']), kubectl(['cluster-info'])]);
    assert.equal(mine.stdout, theirs.stdout);
    assert.match(
      mine.stdout,
      /^Kubernetes control plane is running at https:\/\/127\.0\.0\.1:\d+$/m,
    );
    assert.equal(mine.code, theirs.code);
  });

  for (const [who, kubeconfig] of [
    ['admin', adminKubeconfig],
    ['viewer', viewerKubeconfig],
  ] as const) {
    test(`auth can-i for the ${who}: yes/no and exit codes as kubectl`, async () => {
      const cases = [
        ['get', 'pods'],
        ['create', 'pods'],
        ['delete', 'deployments.apps/web'],
        ['delete', 'deployments.apps', 'web'],
        ['get', 'secrets', '-A'],
        ['get', 'pods', '--subresource=log'],
        ['get', '/version'],
        ['list', 'foos'],
        ['get'],
      ];
      for (const args of cases) {
        const full = ['--kubeconfig', kubeconfig, 'auth', 'can-i', ...args, '-n', ns];
        const [mine, theirs] = await Promise.all([ktl(full), kubectl(full)]);
        const label = `${who}: can-i ${args.join(' ')}`;
        assert.equal(mine.stdout, theirs.stdout, label);
        assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), label);
        assert.equal(mine.code, theirs.code, label);
      }
      const create = await ktl([
        '--kubeconfig',
        kubeconfig,
        'auth',
        'can-i',
        'create',
        'pods',
        '-n',
        ns,
      ]);
      assert.equal(create.stdout, who === 'admin' ? 'yes\n' : 'no\n');
      assert.equal(create.code, who === 'admin' ? 0 : 1);
    });
  }
});

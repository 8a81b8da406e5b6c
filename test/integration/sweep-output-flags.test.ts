/**
 * Flags the help sweep found missing, side by side with kubectl: the template flags of
 * `events` and `cluster-info dump`, `api-resources --show-managed-fields`, `proxy
 * --append-server-path` and `--keepalive`, `exec -f`, and `config set --set-raw-bytes`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  adminKubeconfig,
  isolatedHome,
  kubectlOk,
  kubectlPath,
  ktl,
  kubectl,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';

/** Server-assigned values that differ between two reads moments apart. */
function steady(text: string): string {
  return text
    .replace(/"?resourceVersion"?[:=]"?\d+"?/g, 'RV')
    .replace(/resourceVersion:\d+/g, 'RV')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME')
    .replace(/lastHeartbeatTime[^,}\]]*/g, 'HB');
}

function assertSame(mine: RunResult, theirs: RunResult, label: string): void {
  assert.equal(steady(mine.stdout), steady(theirs.stdout), label);
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), label);
  assert.equal(mine.code, theirs.code, label);
}

async function both(args: string[], label = args.join(' ')): Promise<void> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assertSame(mine, theirs, label);
}

test('events: -o templates, --template, --show-managed-fields, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-events-tpl');
  await kubectlOk(['run', 'p1', '-n', ns, '--image=nginx']);
  // the scheduler's event is there once the pod is bound
  await kubectlOk(['wait', '-n', ns, 'pod/p1', '--for=condition=PodScheduled', '--timeout=60s']);
  const cases: string[][] = [
    ['-o', 'jsonpath={.kind} {.items[0].kind} {.items[0].metadata.managedFields[0].manager}'],
    ['-o', 'go-template={{.kind}} {{(index .items 0).reason}} {{.nope}}'],
    ['--template={{len .items}}', '--no-headers'],
    ['-o', 'go-template', '--template={{range .items}}{{.involvedObject.name}}{{end}}'],
    ['-o', 'jsonpath-as-json={.items[0].reason}'],
    ['-o', 'yaml', '--show-managed-fields'],
    ['-o', 'json'],
    ['-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'],
    ['-o', 'go-template={{.nope.x}}', '--allow-missing-template-keys=false'],
    ['-o', 'name'],
    ['-o', 'wide'],
  ];
  for (const args of cases) await both(['events', '-n', ns, ...args]);
  await both(['events', '-n', `${ns}-none`, '-o', 'jsonpath={.kind}']);
});

test('cluster-info dump: -o templates, name, --show-managed-fields, files, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-dump-tpl');
  await kubectlOk(['create', 'configmap', 'c', '-n', ns]);
  const dump = ['cluster-info', 'dump', '--namespaces', ns];
  const cases: string[][] = [
    [
      '-o',
      'jsonpath={.kind} {.items[0].kind}|{.items[0].metadata.managedFields[0].manager}{"\\n"}',
    ],
    ['--template={{.kind}}{{"\\n"}}'],
    ['-o', 'name'],
    ['-o', 'wide'],
    ['--show-managed-fields', '-o', 'yaml'],
    ['-o', 'go-template={{.nope.x}}', '--allow-missing-template-keys=false'],
  ];
  for (const args of cases) await both([...dump, ...args]);
  const dir = mkdtempSync(join(tmpdir(), 'ktl-dump-tpl-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = async (tool: typeof ktl, name: string): Promise<string[]> => {
    const out = join(dir, name);
    const run = await tool([...dump, '-o', 'jsonpath={.kind}', `--output-directory=${out}`]);
    assert.equal(run.code, 0, run.stderr);
    const listed: string[] = [];
    const walk = (at: string): void => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (entry.isDirectory()) walk(path);
        else listed.push(`${relative(out, path)}: ${readFileSync(path, 'utf8')}`);
      }
    };
    walk(out);
    return listed.sort();
  };
  assert.deepEqual(await files(ktl, 'ktl'), await files(kubectl, 'kubectl'));
});

test('api-resources --show-managed-fields, as kubectl', async () => {
  await both(['api-resources', '--api-group=apps', '-o', 'json', '--show-managed-fields']);
  await both(['api-resources', '--api-group=apps', '--show-managed-fields=x']);
});

test('exec -f: the pod or workload a file names, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-exec-file');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-exec-file-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await kubectlOk(['run', 'p1', '-n', ns, '--image=nginx']);
  await kubectlOk(['create', 'deployment', 'd1', '-n', ns, '--image=nginx']);
  await kubectlOk(['wait', '-n', ns, 'pod/p1', '--for=condition=Ready', '--timeout=60s']);
  await kubectlOk(['rollout', 'status', '-n', ns, 'deployment/d1', '--timeout=60s']);
  const pod = join(dir, 'pod.yaml');
  const deployment = join(dir, 'deploy.yaml');
  writeFileSync(pod, await kubectlOk(['get', '-n', ns, 'pod/p1', '-o', 'yaml']));
  writeFileSync(deployment, await kubectlOk(['get', '-n', ns, 'deploy/d1', '-o', 'yaml']));
  const cases: string[][] = [
    ['-f', pod, '--', 'echo', 'hi'],
    ['-n', ns, '-f', deployment, '--', 'echo', 'hi'],
    ['-n', ns, '-f', pod, 'p1', '--', 'echo', 'hi'],
    ['-n', ns, '-f', pod, '-f', deployment, '--', 'echo', 'hi'],
    ['-n', ns, '-f', join(dir, 'nope.yaml'), '--', 'echo'],
    ['-n', ns, '-f', pod],
    ['-n', ns, '--filename', pod, '-c', 'nope', '--', 'echo'],
  ];
  for (const args of cases) await both(['exec', ...args]);
});

test('config set --set-raw-bytes and base64 checks of []byte fields, as kubectl', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-raw-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const steps: string[][] = [
    ['users.u.client-key-data', 'Zm9v'],
    ['users.v.client-key-data', 'Zm9v', '--set-raw-bytes'],
    ['users.w.client-key-data', 'not base64!'],
    ['users.x.token', 'Zm9v', '--set-raw-bytes'],
    ['clusters.c.certificate-authority-data', 'Zm9'],
    ['clusters.c.certificate-authority-data', 'Zm8=x'],
    ['clusters.d.certificate-authority-data', 'Zg=a'],
    ['clusters.e.certificate-authority-data', 'Zm8='],
    ['users.y.client-certificate-data', 'YQ==', '--set-raw-bytes=false'],
    ['users.y.client-certificate-data', 'x', '--set-raw-bytes=x'],
  ];
  for (const step of steps) {
    const [mine, theirs] = await Promise.all([
      ktl(['--kubeconfig', join(dir, 'ktl'), 'config', 'set', ...step]),
      kubectl(['--kubeconfig', join(dir, 'kubectl'), 'config', 'set', ...step]),
    ]);
    assertSame(mine, theirs, step.join(' '));
  }
  assert.equal(readFileSync(join(dir, 'ktl'), 'utf8'), readFileSync(join(dir, 'kubectl'), 'utf8'));
});

/** Starts `proxy -p 0 ARGS` with ktl or kubectl and a kubeconfig; resolves with its port. */
async function startProxy(
  tool: 'ktl' | 'kubectl',
  kubeconfig: string,
  args: string[],
): Promise<{ port: number; stderr: () => string; stop: () => void }> {
  const [command, prefix] =
    tool === 'ktl' ? [process.execPath, [join(repoRoot, 'bin', 'ktl')]] : [kubectlPath(), []];
  const child = spawn(command, [...prefix, 'proxy', '-p', '0', ...args], {
    env: { ...process.env, HOME: isolatedHome(), KUBECONFIG: kubeconfig, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdout.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    child.on('exit', () => reject(new Error(`${tool} proxy ended: ${err}`)));
    child.stdout.on('data', (d: string) => {
      out += d;
      const match = /Starting to serve on 127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
  });
  return { port, stderr: () => err, stop: () => child.kill() };
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

test('proxy --append-server-path and --keepalive, against a server URL with a path', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-proxy-path-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const kubeconfig = join(dir, 'kubeconfig');
  const admin = readFileSync(adminKubeconfig, 'utf8');
  writeFileSync(kubeconfig, admin.replace(/(server: https:\/\/[^\s/]+)/, '$1/prefix'));
  const klogPrefix = /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /;
  for (const [args, status] of [
    [[], 200],
    [['--append-server-path', '--keepalive=30s'], 404],
  ] as const) {
    const [mine, theirs] = await Promise.all([
      startProxy('ktl', kubeconfig, [...args]),
      startProxy('kubectl', kubeconfig, [...args]),
    ]);
    t.after(() => {
      mine.stop();
      theirs.stop();
    });
    // without --append-server-path the server's path is dropped, and kubectl warns so
    const [ours, reference] = await Promise.all([get(mine.port, '/api'), get(theirs.port, '/api')]);
    assert.equal(ours.status, status);
    assert.equal(ours.status, reference.status);
    assert.equal(mine.stderr().replace(klogPrefix, ''), theirs.stderr().replace(klogPrefix, ''));
  }
  const [bad, badRef] = await Promise.all([
    ktl(['proxy', '--keepalive=x']),
    kubectl(['proxy', '--keepalive=x']),
  ]);
  assertSame(bad, badRef, 'proxy --keepalive=x');
});

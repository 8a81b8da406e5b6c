/**
 * The agent (src/transport/agent/): commands started by bin/ktl send their HTTPS requests through
 * a per-user process that holds the TLS connections. What must not change: every command reads
 * live from the server; a changed kubeconfig or credential counts on the next command; a 401
 * refreshes an exec plugin's credential; the socket is private to the user; a dead, stale or
 * foreign agent is replaced; KTL_NO_AGENT=1 turns it off; errors, exit codes and signals are the
 * same with and without it. Each test has a runtime directory (and so agents) of its own, and
 * ends the agents it started.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  adminKubeconfig,
  clusterEnv,
  kubectl,
  kubectlOk,
  normalizeAges,
  repoRoot,
  testNamespace,
  viewerKubeconfig,
} from '../helpers/cluster.js';
import { singleContextKubeconfig } from '../helpers/kubeconfig.js';

const cluster = clusterEnv();
const root = mkdtempSync(join(tmpdir(), 'ktl-agent-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A runtime directory, HOME and agent log of one test; its agents are ended after it. */
interface Sandbox {
  run: string;
  home: string;
  log: string;
  env: Record<string, string | undefined>;
}

let sandboxes = 0;
function sandbox(t: TestContext, extra: Record<string, string | undefined> = {}): Sandbox {
  const dir = join(root, `s${sandboxes++}`);
  const run = join(dir, 'run');
  const home = join(dir, 'home');
  mkdirSync(run, { recursive: true, mode: 0o700 });
  mkdirSync(home, { recursive: true });
  const log = join(dir, 'agent.log');
  t.after(() => stopAgents(run));
  return {
    run,
    home,
    log,
    env: {
      HOME: home,
      XDG_RUNTIME_DIR: run,
      KTL_AGENT_LOG: log,
      KTL_AGENT_IDLE_SECONDS: '60',
      KUBECONFIG: adminKubeconfig,
      ...extra,
    },
  };
}

function stopAgents(run: string): void {
  for (const pid of agentPids(run)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function agentPids(run: string): number[] {
  const dir = join(run, 'ktl');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pid'))
    .map((name) => Number(readFileSync(join(dir, name), 'utf8')));
}

/** The socket bin/ktl's agent of this build listens on (named as bin/ktl names it). */
function socketPath(run: string): string {
  const stat = statSync(join(repoRoot, 'dist', 'agent.cjs'));
  return join(run, 'ktl', `agent-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.sock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, condition: () => boolean, ms = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** bin/ktl as the shell runs it. */
function launch(
  args: string[],
  env: Record<string, string | undefined>,
  onOutput?: (pid: number, stdout: string) => void,
): Promise<RunResult & { signal: string | null }> {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['KUBECACHEDIR', 'KTL_NO_AGENT', 'NODE_EXTRA_CA_CERTS']) delete full[key];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete full[key];
    else full[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'bin', 'ktl'), args, { env: full });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      onOutput?.(child.pid ?? 0, stdout);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout, stderr, code: code ?? -1, signal }));
    child.stdin.end();
  });
}

/** Runs a first command (which starts the agent) and waits for the agent to listen. */
async function withAgent(box: Sandbox): Promise<number> {
  const first = await launch(['get', '--raw', '/version'], box.env);
  assert.equal(first.code, 0, first.stderr);
  await until('the agent', () => existsSync(socketPath(box.run)) && agentPids(box.run).length > 0);
  const [pid] = agentPids(box.run);
  return pid ?? 0;
}

function logged(box: Sandbox): string[] {
  return existsSync(box.log) ? readFileSync(box.log, 'utf8').trim().split('\n') : [];
}

describe('ktl agent', () => {
  test('each command reads live from the server through the agent', async (t) => {
    const ns = await testNamespace(t, 'agent-live');
    const box = sandbox(t);
    await withAgent(box);
    const value = (): Promise<RunResult> =>
      launch(['get', 'configmap', 'c', '-n', ns, '-o', 'jsonpath={.data.v}'], box.env);
    await kubectlOk(['create', 'configmap', 'c', '-n', ns, '--from-literal=v=one']);
    assert.deepEqual(await value(), { stdout: 'one', stderr: '', code: 0, signal: null });
    await kubectlOk(['patch', 'configmap', 'c', '-n', ns, '-p', '{"data":{"v":"two"}}']);
    assert.deepEqual(await value(), { stdout: 'two', stderr: '', code: 0, signal: null });
    const reads = logged(box).filter((line) => line.includes(`/namespaces/${ns}/configmaps/c`));
    assert.equal(reads.length, 2, logged(box).join('\n'));
  });

  test('a kubeconfig changed between two commands counts on the second', async (t) => {
    const box = sandbox(t);
    const file = join(box.home, 'kubeconfig');
    copyFileSync(adminKubeconfig, file);
    const env = { ...box.env, KUBECONFIG: file };
    await withAgent({ ...box, env });
    // run in the agent (get) and in the command's own process (auth can-i)
    const secrets = (): Promise<RunResult> =>
      launch(['get', 'secrets', '-n', 'kube-system', '-o', 'name'], env);
    const canI = (): Promise<RunResult> => launch(['auth', 'can-i', 'create', 'namespaces'], env);
    assert.equal((await secrets()).code, 0);
    assert.equal((await canI()).stdout, 'yes\n');
    copyFileSync(viewerKubeconfig, file);
    const [viewer, theirs] = await Promise.all([
      secrets(),
      kubectl(['get', 'secrets', '-n', 'kube-system', '-o', 'name'], { env }),
    ]);
    assert.equal(viewer.code, 1);
    assert.equal(viewer.stderr, theirs.stderr);
    assert.equal((await canI()).stdout, 'no\n');
    assert.equal(logged(box).filter((l) => l === 'RUN get').length, 2, logged(box).join('\n'));
    assert.equal(logged(box).filter((l) => l.includes('selfsubjectaccessreviews')).length, 2);
  });

  test('read commands run in the agent print what they print in their own process, and as kubectl', async (t) => {
    const ns = await testNamespace(t, 'agent-same');
    const box = sandbox(t);
    await withAgent(box);
    await kubectlOk(['create', 'configmap', 'c', '-n', ns, '--from-literal=k=v']);
    await kubectlOk(['run', 'p', '--image=busybox', '-n', ns]);
    await kubectlOk(['wait', '--for=condition=Ready', 'pod/p', '-n', ns, '--timeout=60s']);
    const lines: string[][] = [
      ['get', 'configmap', 'c', '-n', ns, '-o', 'yaml'],
      ['get', 'configmaps', '-n', ns],
      ['describe', 'configmap', 'c', '-n', ns],
      ['logs', 'p', '-n', ns],
      ['get', '--raw', `/api/v1/namespaces/${ns}/configmaps/c`],
      ['get', 'configmap', 'missing', '-n', ns],
      ['get', 'nosuchtype'],
      ['logs', 'p', '-n', ns, '--tail=bad'],
    ];
    for (const args of lines) {
      const before = logged(box).filter((l) => l.startsWith('RUN ')).length;
      const inAgent = await launch(args, box.env);
      assert.equal(
        logged(box).filter((l) => l.startsWith('RUN ')).length,
        before + 1,
        args.join(' '),
      );
      const own = await launch(args, { ...box.env, KTL_NO_AGENT: '1' });
      const theirs = await kubectl(args, { env: box.env });
      assert.deepEqual(
        { ...inAgent, stdout: normalizeAges(inAgent.stdout) },
        { ...own, stdout: normalizeAges(own.stdout) },
        args.join(' '),
      );
      assert.equal(inAgent.code, theirs.code, args.join(' '));
      assert.equal(normalizeAges(inAgent.stdout), normalizeAges(theirs.stdout), args.join(' '));
    }
  });

  test('a command in the agent resolves relative paths from its own working directory', async (t) => {
    const box = sandbox(t);
    await withAgent(box);
    const work = join(box.home, 'work');
    mkdirSync(work);
    copyFileSync(adminKubeconfig, join(work, 'kc'));
    const full: NodeJS.ProcessEnv = { ...process.env, ...box.env, NO_COLOR: '1' };
    delete full['NODE_EXTRA_CA_CERTS'];
    const result = spawnSync(
      join(repoRoot, 'bin', 'ktl'),
      ['get', 'namespace', 'default', '-o', 'name', '--kubeconfig', 'kc'],
      { cwd: work, env: full, encoding: 'utf8' },
    );
    assert.equal(result.stdout, 'namespace/default\n', result.stderr);
    assert.equal(logged(box).at(-1), 'RUN get');
  });

  test('a 401 runs the exec plugin again, through the agent, as kubectl does', async (t) => {
    const box = sandbox(t);
    const calls = join(box.home, 'calls');
    const plugin = join(box.home, 'plugin.sh');
    const credential = (token: string): string =>
      JSON.stringify({
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        kind: 'ExecCredential',
        status: { token },
      });
    // the first call of each process hands out a wrong token, the next ones the right one
    writeFileSync(
      plugin,
      `#!/bin/sh
echo call >> ${calls}
if [ "$(wc -l < ${calls})" -eq 1 ]; then printf '%s' '${credential('wrong')}'; else printf '%s' '${credential(cluster['KTL_ADMIN_TOKEN'] ?? '')}'; fi
`,
    );
    chmodSync(plugin, 0o755);
    const file = join(box.home, 'kubeconfig');
    writeFileSync(
      file,
      singleContextKubeconfig({
        server: cluster['KTL_API_SERVER'] ?? '',
        clusterYaml: `    certificate-authority: ${join(cluster['KTL_PKI_DIR'] ?? '', 'ca.crt')}`,
        userYaml: `    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ${plugin}\n      interactiveMode: Never`,
      }),
    );
    await withAgent(box);
    rmSync(calls, { force: true });
    const result = await launch(['get', '--raw', '/api/v1/namespaces/default'], {
      ...box.env,
      KUBECONFIG: file,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(calls, 'utf8'), 'call\ncall\n');
    assert.equal(logged(box).filter((l) => l.endsWith('/api/v1/namespaces/default')).length, 2);
  });

  test('the socket is private: its directory is 0700, and another user cannot connect', async (t) => {
    const box = sandbox(t);
    await withAgent(box);
    assert.equal(statSync(join(box.run, 'ktl')).mode & 0o777, 0o700);
    assert.equal(statSync(socketPath(box.run)).mode & 0o777, 0o600);
    // the test runs as root: it can make the run directory passable and try as nobody
    chmodSync(box.run, 0o755);
    const probe = `require('node:net').connect(${JSON.stringify(socketPath(box.run))}).on('connect', () => { console.log('connected'); process.exit(0) }).on('error', (e) => console.log(e.code))`;
    const asNobody = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', probe],
      { encoding: 'utf8' },
    );
    assert.equal(asNobody.stdout.trim(), 'EACCES', asNobody.stderr);
  });

  test('a directory someone else could enter is not used: the command connects itself', async (t) => {
    const box = sandbox(t);
    mkdirSync(join(box.run, 'ktl'), { mode: 0o755 });
    chmodSync(join(box.run, 'ktl'), 0o755);
    const result = await launch(['get', 'namespace', 'default', '-o', 'name'], box.env);
    assert.deepEqual(result, { stdout: 'namespace/default\n', stderr: '', code: 0, signal: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(readdirSync(join(box.run, 'ktl')), []);
  });

  test('KTL_NO_AGENT=1 starts no agent and uses none', async (t) => {
    const box = sandbox(t);
    await withAgent(box);
    const before = logged(box).length;
    const result = await launch(['get', 'namespace', 'default', '-o', 'name'], {
      ...box.env,
      KTL_NO_AGENT: '1',
    });
    assert.equal(result.stdout, 'namespace/default\n');
    assert.equal(logged(box).length, before);
    const fresh = sandbox(t, { KTL_NO_AGENT: '1' });
    await launch(['get', 'namespace', 'default'], fresh.env);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(existsSync(join(fresh.run, 'ktl')), false);
  });

  test('a killed agent (its socket left behind) is replaced, and the command still answers', async (t) => {
    const box = sandbox(t);
    const first = await withAgent(box);
    process.kill(first, 'SIGKILL');
    await until('the agent to die', () => !alive(first));
    assert.ok(existsSync(socketPath(box.run)), 'the dead agent left its socket');
    const result = await launch(['get', 'namespace', 'default', '-o', 'name'], box.env);
    assert.equal(result.stdout, 'namespace/default\n', result.stderr);
    await until('a new agent', () => agentPids(box.run).some((pid) => pid !== first && alive(pid)));
    const before = logged(box).filter((l) => l.startsWith('GET ')).length;
    await launch(['get', 'namespace', 'default', '-o', 'name'], box.env);
    assert.equal(logged(box).filter((l) => l.startsWith('GET ')).length, before + 1);
  });

  test('something else on the socket (another version) is replaced by this build’s agent', async (t) => {
    const box = sandbox(t);
    mkdirSync(join(box.run, 'ktl'), { mode: 0o700 });
    const impostor = createServer((_req, res) => res.end('not an agent'));
    await new Promise<void>((resolve) => impostor.listen(socketPath(box.run), resolve));
    t.after(() => impostor.close());
    const result = await launch(['get', 'namespace', 'default', '-o', 'name'], box.env);
    assert.deepEqual(result, { stdout: 'namespace/default\n', stderr: '', code: 0, signal: null });
    await until('this build’s agent', () => agentPids(box.run).length > 0);
    await until('its socket', () => existsSync(socketPath(box.run)));
    const before = logged(box).filter((l) => l.startsWith('GET ')).length;
    await launch(['get', 'namespace', 'default', '-o', 'name'], box.env);
    assert.equal(logged(box).filter((l) => l.startsWith('GET ')).length, before + 1);
  });

  test('an idle agent exits and removes its socket', async (t) => {
    const box = sandbox(t, { KTL_AGENT_IDLE_SECONDS: '1' });
    const pid = await withAgent(box);
    await until('the agent to exit', () => !alive(pid));
    assert.equal(existsSync(socketPath(box.run)), false);
  });

  test('errors and exit codes are the same with and without the agent, and as kubectl', async (t) => {
    const box = sandbox(t);
    await withAgent(box);
    const wrongCa = join(box.home, 'wrong-ca');
    writeFileSync(
      wrongCa,
      singleContextKubeconfig({
        server: cluster['KTL_API_SERVER'] ?? '',
        clusterYaml: `    certificate-authority: ${join(cluster['KTL_PKI_DIR'] ?? '', 'front-proxy-ca.crt')}`,
        userYaml: `    token: ${cluster['KTL_ADMIN_TOKEN'] ?? ''}`,
      }),
    );
    const closedPort = join(box.home, 'closed-port');
    writeFileSync(
      closedPort,
      singleContextKubeconfig({
        server: 'https://127.0.0.1:1',
        clusterYaml: '    insecure-skip-tls-verify: true',
        userYaml: '    token: x',
      }),
    );
    const cases: Array<[string[], Record<string, string>]> = [
      [['get', 'pod', 'no-such-pod', '-n', 'default'], {}],
      [['get', 'namespaces', '--token=wrong'], { KUBECONFIG: viewerKubeconfig }],
      [['get', '--raw', '/no/such/path'], {}],
      [['get', 'namespace', 'default'], { KUBECONFIG: wrongCa }],
      [['get', 'namespace', 'default'], { KUBECONFIG: closedPort }],
    ];
    for (const [args, extra] of cases) {
      const env = { ...box.env, ...extra };
      const viaAgent = await launch(args, env);
      const direct = await launch(args, { ...env, KTL_NO_AGENT: '1' });
      const theirs = await kubectl(args, { env });
      assert.deepEqual(viaAgent, direct, args.join(' '));
      assert.equal(viaAgent.code, theirs.code, args.join(' '));
      assert.equal(viaAgent.stdout, theirs.stdout, args.join(' '));
      // kubectl logs each failed discovery request before the last line, the one ktl prints
      const last = theirs.stderr.trimEnd().split('\n').at(-1) ?? '';
      assert.equal(viaAgent.stderr, last ? `${last}\n` : '', args.join(' '));
    }
    assert.ok(logged(box).some((line) => line.includes('/no/such/path')));
  });

  test('Ctrl-C ends a watch through the agent as it ends one without it', async (t) => {
    const ns = await testNamespace(t, 'agent-signal');
    const box = sandbox(t);
    await withAgent(box);
    const interrupted = async (env: Record<string, string | undefined>) =>
      launch(['get', 'configmaps', '-n', ns, '--watch'], env, (pid, stdout) => {
        // once the watch has printed the namespace's one configmap
        if (stdout.includes('kube-root-ca.crt') && alive(pid)) process.kill(pid, 'SIGINT');
      });
    const viaAgent = await interrupted(box.env);
    const direct = await interrupted({ ...box.env, KTL_NO_AGENT: '1' });
    assert.deepEqual(
      { code: viaAgent.code, signal: viaAgent.signal, stderr: viaAgent.stderr },
      { code: direct.code, signal: direct.signal, stderr: direct.stderr },
    );
    assert.ok(logged(box).some((line) => line.includes(`/namespaces/${ns}/configmaps`)));
  });
});

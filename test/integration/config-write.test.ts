/**
 * `ktl config` write side: the same edits by ktl and by kubectl leave byte-identical files and
 * print the same messages; writes keep the file mode; and many ktl processes editing one
 * kubeconfig at once neither corrupt it nor lose an edit.
 */
import assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, ktl, repoRoot } from '../helpers/cluster.js';

const merge = join(repoRoot, 'test/fixtures/kubeconfig/merge');

function copyFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-config-write-'));
  for (const file of ['a.yaml', 'b.yaml', 'c.yaml'])
    copyFileSync(join(merge, file), join(dir, file));
  return dir;
}

const edits = [
  ['use-context', 'ctx-a'],
  ['set-context', 'new', '--cluster=x', '--namespace=n'],
  ['set-context', 'new', '--user=u'],
  ['use-context', 'new'],
  ['set-context', '--current', '--namespace=foo'],
  ['set-context', 'a', '--current'],
  ['rename-context', 'new', 'ctx-a'],
  ['rename-context', 'new', 'new2'],
  ['delete-context', 'new2'],
  ['delete-context', 'new2'],
  ['delete-user', 'alice'],
  ['delete-cluster', 'only-b'],
  ['use-context', 'nope'],
  ['set-cluster', 'foo', '--server=https://x'],
  ['set-credentials', 'me', '--token=t'],
  ['unset', 'users.me'],
  ['set', 'contexts.ctx-c.namespace', 'zz'],
  ['set-context', 'ctx-b', '--namespace=nb'],
  ['use-context', 'ctx-b'],
];

async function replay(
  run: (args: string[], o: { env: Record<string, string>; cwd: string }) => Promise<RunResult>,
): Promise<{ log: string; files: string }> {
  const dir = copyFixtures();
  const env = { KUBECONFIG: 'a.yaml:b.yaml:c.yaml' };
  let log = '';
  for (const edit of edits) {
    const result = await run(['config', ...edit], { env, cwd: dir });
    log += `$ ${edit.join(' ')}\n${result.stdout}${result.stderr.replaceAll('kubectl', 'ktl')}rc=${result.code}\n`;
  }
  const files = readdirSync(dir)
    .sort()
    .map((f) => `== ${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('');
  return { log, files };
}

test('a sequence of config edits by ktl and by kubectl: same messages, byte-identical files', async () => {
  const mine = await replay(ktl);
  const theirs = await replay(kubectl);
  assert.equal(mine.log, theirs.log);
  assert.equal(mine.files, theirs.files);
  assert.match(mine.log, /Switched to context "ctx-b"\./);
});

test('writes go to the file that defined the context, keep its mode, and leave no temp or lock files', async () => {
  const dir = copyFixtures();
  chmodSync(join(dir, 'b.yaml'), 0o600);
  chmodSync(join(dir, 'a.yaml'), 0o640);
  const env = { KUBECONFIG: `${join(dir, 'a.yaml')}:${join(dir, 'b.yaml')}` };
  const result = await ktl(['config', 'set-context', 'ctx-b', '--namespace', 'moved'], { env });
  assert.equal(result.code, 0, result.stderr);
  assert.match(readFileSync(join(dir, 'b.yaml'), 'utf8'), /namespace: moved/);
  assert.doesNotMatch(readFileSync(join(dir, 'a.yaml'), 'utf8'), /moved/);
  assert.equal(statSync(join(dir, 'b.yaml')).mode & 0o777, 0o600);
  await ktl(['config', 'use-context', 'ctx-a'], { env });
  assert.equal(statSync(join(dir, 'a.yaml')).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir).sort(), ['a.yaml', 'b.yaml', 'c.yaml']);
});

test('a new kubeconfig is created with mode 0600', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-config-new-'));
  const file = join(dir, 'sub', 'config');
  const result = await ktl(['config', 'set-context', 'x', '--namespace', 'y'], {
    env: { KUBECONFIG: file },
  });
  assert.equal(result.stdout, 'Context "x" created.\n');
  assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('20 ktl processes editing one kubeconfig at once: valid YAML, no edit lost', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-config-race-'));
  const file = join(dir, 'config');
  const contexts = Array.from({ length: 20 }, (_, i) => ({
    name: `ctx-${i}`,
    context: { cluster: 'c', user: 'u', namespace: 'before' },
  }));
  writeFileSync(
    file,
    JSON.stringify({ apiVersion: 'v1', kind: 'Config', contexts, 'current-context': 'ctx-0' }),
    { mode: 0o600 },
  );
  const env = { KUBECONFIG: file };
  const results = await Promise.all([
    ...contexts.map((c, i) =>
      ktl(['config', 'set-context', c.name, `--namespace=ns-${i}`], { env }),
    ),
    ...[3, 7, 11].map((i) => ktl(['config', 'use-context', `ctx-${i}`], { env })),
  ]);
  for (const result of results) assert.equal(result.code, 0, result.stderr);
  const after = parse(readFileSync(file, 'utf8')) as {
    contexts: Array<{ name: string; context: { namespace: string } }>;
    'current-context': string;
  };
  assert.equal(after.contexts.length, 20);
  for (let i = 0; i < 20; i++) {
    assert.equal(after.contexts.find((c) => c.name === `ctx-${i}`)?.context.namespace, `ns-${i}`);
  }
  assert.ok(['ctx-3', 'ctx-7', 'ctx-11'].includes(after['current-context']));
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir), ['config']);
});

test('a lock left by a dead ktl process is taken over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-config-lock-'));
  const file = join(dir, 'config');
  writeFileSync(`${file}.lock`, 'ktl 999999999\n');
  const result = await ktl(['config', 'set-context', 'x'], { env: { KUBECONFIG: file } });
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(readdirSync(dir), ['config']);
});

test('30 processes racing to take over a dead ktl lock lose no edit (repeated)', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'ktl-config-stale-race-'));
    try {
      const file = join(dir, 'config');
      writeFileSync(file, 'apiVersion: v1\nkind: Config\n', { mode: 0o600 });
      writeFileSync(`${file}.lock`, 'ktl 999999999\n');
      const env = { KUBECONFIG: file };
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          ktl(['config', 'set-context', `ctx-${i}`, `--namespace=ns-${i}`], { env }),
        ),
      );
      const after = parse(readFileSync(file, 'utf8')) as { contexts?: Array<{ name: string }> };
      const names = new Set((after.contexts ?? []).map((c) => c.name));
      // An edit may only be missing if its process said so: a lock still busy after 10 s on a
      // loaded machine fails with kubectl's message; an exit 0 with the edit gone is a loss.
      const lost = results
        .map((result, i) => ({ result, name: `ctx-${i}` }))
        .filter(({ result, name }) => {
          if (result.code === 0) return !names.has(name);
          assert.match(result.stderr, /config\.lock: file exists/);
          return false;
        })
        .map(({ name }) => name);
      assert.deepEqual(lost, [], `round ${round}: contexts lost`);
      assert.deepEqual(readdirSync(dir), ['config']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

/** set-credentials' auth provider, exec plugin and auth-method rules, and the other set-* flags. */
const credentialEdits = [
  ['set-credentials', 'u1', '--exec-command=/bin/echo', '--exec-arg=a,b', '--exec-env=A=1'],
  ['set-credentials', 'u1', '--exec-api-version=client.authentication.k8s.io/v1'],
  ['set-credentials', 'u1', '--exec-env=A-', '--exec-env=B=2', '--exec-interactive-mode=Never'],
  ['set-credentials', 'u1', '--exec-provide-cluster-info'],
  ['set-credentials', 'u1', '--exec-interactive-mode=Bad'],
  ['set-credentials', 'u1', '--exec-command=/bin/cat'],
  ['set-credentials', 'u2', '--auth-provider=oidc', '--auth-provider-arg=client-id=foo,secret=b'],
  ['set-credentials', 'u2', '--auth-provider-arg=client-id-'],
  ['set-credentials', 'u2', '--auth-provider-arg=bad'],
  ['set-credentials', 'u2', '--auth-provider=gcp'],
  ['set-credentials', 'u3', '--exec-arg=x', '--exec-provide-cluster-info=true', '--token=t1'],
  ['set-credentials', 'u3', '--username=a', '--password=b'],
  ['set-credentials', 'u3', '--token=x', '--username=y'],
  ['set-credentials', 'u3', '--token=t2'],
  ['set-credentials', 'u4', '--embed-certs'],
  ['set-credentials', 'u4', '--client-certificate=/nonexistent/c', '--embed-certs'],
  ['set-credentials', 'u4', '--client-certificate=rel/c.crt', '--client-key=/abs/k.key'],
  ['set-credentials'],
  ['set-credentials', 'a', 'b'],
  ['set-cluster', 'c1', '--server=https://x:6443', '--insecure-skip-tls-verify'],
  ['set-cluster', 'c1', '--tls-server-name=n', '--certificate-authority=/ca.crt'],
  ['set-context', 'x1', '--cluster=c1', '--user=u1', '--namespace=ns1'],
];

test('set-credentials exec and auth-provider flags, auth methods, set-* flags: as kubectl', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-config-credentials-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const replayIn = async (tool: typeof ktl, file: string): Promise<string> => {
    let log = '';
    for (const edit of credentialEdits) {
      const result = await tool(['config', ...edit], { env: { KUBECONFIG: file }, cwd: dir });
      // A wrong argument prints the command's help first (each tool its own).
      const help = result.stdout.startsWith('Set a user entry') ? '<help>\n' : result.stdout;
      log += `$ ${edit.join(' ')}\n${help}${result.stderr.replaceAll('kubectl', 'ktl')}rc=${result.code}\n`;
    }
    return `${log}${readFileSync(file, 'utf8')}`;
  };
  const theirs = await replayIn(kubectl, join(dir, 'kubectl.yaml'));
  const mine = await replayIn(ktl, join(dir, 'ktl.yaml'));
  assert.equal(mine, theirs);
  const help = await ktl(['config', 'set-credentials', 'a', 'b']);
  assert.equal(help.stdout, (await ktl(['config', 'set-credentials', '--help'])).stdout);
});

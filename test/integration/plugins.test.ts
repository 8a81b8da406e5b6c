import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  adminKubeconfig,
  isolatedHome,
  ktl,
  kubectl,
  kubectlOk,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';
import { PluginDir, realPluginDir } from '../helpers/plugins.js';

/** kubectl's words for itself where ktl says ktl (usage hints, command paths). */
function asKtl(text: string): string {
  return text.replaceAll('"kubectl', '"ktl').replaceAll("'kubectl", "'ktl");
}

function assertSameRun(mine: RunResult, theirs: RunResult, what: string): void {
  assert.equal(mine.stdout, theirs.stdout, `${what}: stdout`);
  assert.equal(mine.stderr, asKtl(theirs.stderr), `${what}: stderr`);
  assert.equal(mine.code, theirs.code, `${what}: exit code`);
}

describe('plugin dispatch, side by side with kubectl', () => {
  const plugins = new PluginDir(after);
  const report = 'echo "$(basename "$0") [$*] FOO=$FOO"';
  plugins.script('kubectl-foo', report);
  plugins.script('kubectl-foo-bar', `${report}; exit 7`);
  plugins.script('kubectl-my_tool', report);
  plugins.script('kubectl-get', report);
  plugins.script('kubectl-create-widget', report);
  const env = { PATH: `${plugins.path}:${process.env['PATH'] ?? ''}`, FOO: 'passed' };

  const lines: Array<[string, string[]]> = [
    ['the longest match wins, flags go to the plugin', ['foo', 'bar', 'baz', '-n', 'x']],
    ['a shorter match takes the rest as arguments', ['foo', 'baz', '--', 'bar']],
    ['a dash in a word is an underscore in the file name', ['my-tool', 'a']],
    ['create <unknown> runs kubectl-create-<unknown>', ['create', 'widget', '-o', 'yaml']],
    ['a flag first is refused', ['-n', 'x', 'foo']],
    ['a flag first is refused, even with no plugin', ['--context=c', 'nosuch']],
    ['an unknown command with no plugin', ['nosuch', 'x']],
  ];
  for (const [what, args] of lines) {
    test(what, async () => {
      assertSameRun(await ktl(args, { env }), await kubectl(args, { env }), what);
    });
  }

  test('built-in commands always win over plugins', async () => {
    const args = ['get', 'namespace', 'default', '-o', 'name'];
    const mine = await ktl(args, { env });
    assertSameRun(mine, await kubectl(args, { env }), 'get');
    assert.equal(mine.stdout, 'namespace/default\n');
  });

  test('the plugin gets ktl’s standard streams and environment, and its exit code is ktl’s', async () => {
    plugins.script('kubectl-echo_stdin', 'cat; echo "KUBECONFIG=$KUBECONFIG" >&2; exit 3');
    const mine = await ktl(['echo-stdin'], { env, input: 'hello\n' });
    assert.deepEqual(mine, {
      stdout: 'hello\n',
      stderr: `KUBECONFIG=${adminKubeconfig}\n`,
      code: 3,
    });
    assertSameRun(mine, await kubectl(['echo-stdin'], { env, input: 'hello\n' }), 'stdin');
  });

  test('a signal sent to ktl reaches the plugin, and the plugin’s exit is ktl’s', async () => {
    const marker = join(plugins.path, 'got-term');
    plugins.script(
      'kubectl-waits',
      `trap 'echo TERM > ${marker}; exit 42' TERM; echo ready; while :; do sleep 0.1; done`,
    );
    const child = spawn(process.execPath, [join(repoRoot, 'bin/ktl'), 'waits'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 42);
    assert.equal(readFileSync(marker, 'utf8'), 'TERM\n');
  });
});

describe('plugin list, side by side with kubectl', () => {
  const plugins = new PluginDir(after);
  plugins.script('kubectl-foo', '', 'a');
  plugins.script('kubectl-get', '', 'a');
  plugins.script('kubectl-create-widget', '', 'a');
  plugins.script('kubectl-config-view', '', 'a');
  plugins.script('kubectl-plain', '', 'a', 0o644);
  plugins.script('kubectl-foo', '', 'b');
  plugins.script('kubectl-zeta', '', 'b');
  plugins.script('not-a-plugin', '', 'b');
  plugins.dir('b/kubectl-a-directory');
  const a = plugins.dir('a');
  const b = plugins.dir('b');
  const missing = join(plugins.path, 'missing');

  const cases: Array<[string, string, string[]]> = [
    ['warnings: not executable, overshadowed, shadowing built-ins', `${a}:${b}:${a}`, []],
    ['--name-only', `${a}:${b}`, ['--name-only']],
    ['a directory that cannot be read is skipped', `${b}:${missing}`, []],
    ['no plugins at all', missing, []],
  ];
  for (const [what, path, flags] of cases) {
    test(what, async () => {
      const env = { PATH: path };
      const args = ['plugin', 'list', ...flags];
      assertSameRun(await ktl(args, { env }), await kubectl(args, { env }), what);
    });
  }

  test('plugin alone prints its help on stderr and fails, as kubectl', async () => {
    const mine = await ktl(['plugin']);
    const theirs = await kubectl(['plugin']);
    assert.equal(mine.code, theirs.code);
    assert.equal(mine.stdout, '');
    assert.match(mine.stderr, /Provides utilities for interacting with plugins\./);
    assert.match(mine.stderr, /list\s+List all visible plugin executables on a user's PATH/);
    assertSameRun(await ktl(['plugin', 'frob']), await kubectl(['plugin', 'frob']), 'frob');
  });
});

describe('real plugins built from Go modules run through ktl', () => {
  const bin = realPluginDir();
  const home = isolatedHome();
  after(() => rmSync(home, { recursive: true, force: true }));
  const env = { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: home };

  test('kubectl-ns (kubens) changes the namespace ktl then uses', async (t) => {
    const ns = await testNamespace(t, 'plugin-ns');
    await kubectlOk(['create', 'configmap', 'only-here', '-n', ns]);
    const dir = mkdtempSync(join(tmpdir(), 'ktl-ns-kubeconfig-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const kubeconfig = join(dir, 'config');
    copyFileSync(adminKubeconfig, kubeconfig);
    const own = { ...env, KUBECONFIG: kubeconfig };

    const listed = await ktl(['ns'], { env: own });
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(listed.stdout.split('\n').includes(ns), listed.stdout);
    const switched = await ktl(['ns', ns], { env: own });
    assert.deepEqual(switched, { stdout: `Active namespace is "${ns}".\n`, stderr: '', code: 0 });
    assert.equal((await ktl(['ns', '-c'], { env: own })).stdout, `${ns}\n`);
    const names = await ktl(['get', 'configmaps', '-o', 'name'], { env: own });
    assert.match(names.stdout, /^configmap\/only-here$/m);
    assertSameRun(
      await ktl(['get', 'configmaps', '-o', 'name'], { env: own }),
      await kubectl(['get', 'configmaps', '-o', 'name'], { env: own }),
      'get in the new namespace',
    );
    const refused = await ktl(['ns', `${ns}-nope`], { env: own });
    assertSameRun(refused, await kubectl(['ns', `${ns}-nope`], { env: own }), 'no such ns');
    assert.equal(refused.code, 1);
    assert.equal(readFileSync(adminKubeconfig, 'utf8').includes(ns), false);
  });

  test('kubectl-objects prints through ktl what it prints through kubectl, and kubectl get -o yaml', async (t) => {
    const ns = await testNamespace(t, 'plugin-objects');
    await kubectlOk(['create', 'configmap', 'shown', '--from-literal=a=b', '-n', ns]);
    const args = ['objects', 'configmaps', 'shown', '-n', ns];
    const mine = await ktl(args, { env });
    assertSameRun(mine, await kubectl(args, { env }), 'objects');
    assert.equal(
      mine.stdout,
      await kubectlOk(['get', 'configmap', 'shown', '-n', ns, '-o', 'yaml']),
    );
  });

  test('kubectl-krew: output and exit codes through ktl equal kubectl’s', async () => {
    // krew warns when its bin directory is not on PATH (except on its first run)
    const krewRoot = join(home, 'krew');
    const krewEnv = { ...env, KREW_ROOT: krewRoot, PATH: `${krewRoot}/bin:${env.PATH}` };
    const version = await ktl(['krew', 'version'], { env: krewEnv });
    assert.match(version.stdout, /^GitTag\s+v0\.4\.3$/m);
    assertSameRun(version, await kubectl(['krew', 'version'], { env: krewEnv }), 'version');
    const wrong = await ktl(['krew', 'frob'], { env: krewEnv });
    assert.equal(wrong.code, 1);
    assertSameRun(wrong, await kubectl(['krew', 'frob'], { env: krewEnv }), 'unknown');
  });

  test('plugin list shows them as kubectl does', async () => {
    const only = { PATH: bin };
    const mine = await ktl(['plugin', 'list', '--name-only'], { env: only });
    assert.equal(
      mine.stdout,
      'The following compatible plugins are available:\n\nkubectl-krew\nkubectl-ns\nkubectl-objects\n',
    );
    assertSameRun(mine, await kubectl(['plugin', 'list', '--name-only'], { env: only }), 'list');
  });
});

/**
 * `ktl run -i/-t/--attach/--rm` against kwok, side by side with kubectl. kwok's ClusterAttach
 * (scripts/cluster/cluster.sh) follows kwok/attach.log from its end and never ends a stream, so
 * a live attach is checked by appending a line and then ending the client; a container named
 * broken-attach fails to attach, which exercises kubectl's fall back to logs, --rm and exit codes.
 */
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  adminKubeconfig,
  clusterDir,
  kubectl,
  kubectlOk,
  kubectlPath,
  ktl,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';
import { TmuxSession } from '../helpers/tmux.js';

const attachLog = join(clusterDir, 'kwok', 'attach.log');

/** Appends one stdout line in the CRI format kwok's log reader expects. */
function appendAttachLine(text: string): void {
  appendFileSync(attachLog, `${new Date().toISOString()} stdout F ${text}\n`);
}

type Runner = typeof ktl;

/** Runs the same arguments with ktl in one namespace and kubectl in another. */
async function bothIn(
  namespaces: { mine: string; theirs: string },
  args: (ns: string) => string[],
  input = '',
): Promise<{ mine: RunResult; theirs: RunResult }> {
  const run = (runner: Runner, ns: string) => runner(args(ns), { input, timeoutMs: 60_000 });
  const [mine, theirs] = await Promise.all([
    run(ktl, namespaces.mine),
    run(kubectl, namespaces.theirs),
  ]);
  return { mine, theirs };
}

function assertSame(
  result: { mine: RunResult; theirs: RunResult },
  namespaces: { mine: string; theirs: string },
): void {
  const norm = (text: string, ns: string) => text.replaceAll(ns, 'NS');
  const { mine, theirs } = result;
  assert.equal(norm(mine.stdout, namespaces.mine), norm(theirs.stdout, namespaces.theirs));
  assert.equal(
    norm(mine.stderr, namespaces.mine),
    norm(withoutKlogLines(theirs.stderr), namespaces.theirs).replaceAll('kubectl', 'ktl'),
  );
  assert.equal(mine.code, theirs.code);
}

/**
 * kubectl's client-go sometimes logs a race of its own websocket teardown ('E1207 16:46:52.904588
 * 28414 v2.go:104] "Unhandled Error" err="websocket: close sent"'); it is noise of kubectl's, not
 * part of what run prints, and comes and goes from run to run.
 */
function withoutKlogLines(text: string): string {
  return text.replace(/^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\] .*\n/gm, '');
}

async function podNames(ns: string): Promise<string> {
  return (await kubectlOk(['get', 'pods', '-n', ns, '-o', 'name'])).trim();
}

describe('ktl run attaches like kubectl run', () => {
  const namespaces = { mine: '', theirs: '' };
  before(async () => {
    const t = { after: (fn: () => unknown) => process.on('exit', () => void fn()) };
    namespaces.mine = await testNamespace(t, 'run-attach');
    namespaces.theirs = await testNamespace(t, 'run-attach');
  });

  test('a failed attach falls back to the logs, and --rm deletes the pod', async () => {
    const result = await bothIn(
      namespaces,
      (ns) => ['run', '-i', '--rm', 'broken-attach', '--image=busybox', '-n', ns],
      'some input\n',
    );
    assertSame(result, namespaces);
    assert.equal(result.mine.code, 0);
    assert.match(result.mine.stdout, /fake log line 1 from kwok\n/);
    assert.match(
      result.mine.stdout,
      new RegExp(`pod "broken-attach" deleted from ${namespaces.mine} namespace\n$`),
    );
    assert.match(result.mine.stderr, /warning: couldn't attach to pod\/broken-attach, falling/);
    assert.equal(await podNames(namespaces.mine), '');
  });

  test('--restart=Never waits for the pod to finish within --pod-running-timeout', async () => {
    const args = (ns: string) => [
      'run',
      '-i',
      '--rm',
      '--restart=Never',
      '--pod-running-timeout=3s',
      'broken-attach',
      '--image=busybox',
      '-n',
      ns,
    ];
    const result = await bothIn(namespaces, args);
    assertSame(result, namespaces);
    assert.equal(result.mine.code, 1);
    assert.match(result.mine.stderr, /error: timed out waiting for the condition\n$/);
    assert.equal(await podNames(namespaces.mine), '');
  });

  test('a pod that never runs times out, and is still removed', async () => {
    const overrides = '{"apiVersion":"v1","spec":{"nodeSelector":{"no-such-node":"x"}}}';
    const args = (ns: string) => [
      'run',
      '--attach',
      '--rm',
      '-q',
      '--pod-running-timeout=2s',
      'pending',
      '--image=busybox',
      `--overrides=${overrides}`,
      '-n',
      ns,
    ];
    const result = await bothIn(namespaces, args);
    assertSame(result, namespaces);
    assert.equal(result.mine.stdout, '');
    assert.equal(result.mine.stderr, 'error: timed out waiting for the condition\n');
    assert.equal(await podNames(namespaces.mine), '');
  });

  test('a live attach streams what the container writes', async () => {
    const marker = `attached-${process.pid}-${Date.now()}`;
    const args = (ns: string) => [
      'run',
      '-i',
      '--restart=Never',
      'live',
      '--image=busybox',
      '-n',
      ns,
    ];
    const appender = setInterval(() => appendAttachLine(marker), 500);
    let result: { mine: RunResult; theirs: RunResult };
    try {
      // kwok never ends an attach: both clients are killed after 12 s.
      const run = (runner: Runner, ns: string) =>
        runner(args(ns), { input: 'ignored by kwok\n', timeoutMs: 12_000 });
      const [mine, theirs] = await Promise.all([
        run(ktl, namespaces.mine),
        run(kubectl, namespaces.theirs),
      ]);
      result = { mine, theirs };
    } finally {
      clearInterval(appender);
    }
    assert.match(result.mine.stdout, new RegExp(`^(${marker}\n)+$`));
    assert.match(result.theirs.stdout, new RegExp(`^(${marker}\n)+$`));
    assert.equal(result.mine.stderr, result.theirs.stderr);
    assert.match(result.mine.stderr, /If you don't see a command prompt, try pressing enter.\n$/);
    assert.equal(await podNames(namespaces.mine), 'pod/live');
  });

  test('-t in a terminal: raw TTY attach, with the prompt notice', async () => {
    const marker = `tty-${process.pid}-${Date.now()}`;
    const command = (binary: string, ns: string) =>
      `${binary} run -i -t --restart=Never tty --image=busybox -n ${ns}`;
    const env = { KUBECONFIG: adminKubeconfig, HOME: process.env['HOME'] ?? '/tmp' };
    const mine = new TmuxSession(
      command(`${process.execPath} ${join(repoRoot, 'bin', 'ktl')}`, namespaces.mine),
      env,
    );
    const theirs = new TmuxSession(command(kubectlPath(), namespaces.theirs), env);
    const appender = setInterval(() => appendAttachLine(marker), 500);
    try {
      const seen = (screen: string) => screen.includes(marker);
      const [myScreen, theirScreen] = await Promise.all([
        mine.waitFor(seen, 30_000),
        theirs.waitFor(seen, 30_000),
      ]);
      const firstLines = (screen: string) => screen.split(marker)[0]?.trimEnd();
      assert.equal(firstLines(myScreen), firstLines(theirScreen));
      assert.match(myScreen, /If you don't see a command prompt, try pressing enter./);
      const pod = await kubectlOk(['get', 'pod', 'tty', '-n', namespaces.mine, '-o', 'json']);
      const container = (JSON.parse(pod) as { spec: { containers: Array<{ tty?: boolean }> } }).spec
        .containers[0];
      assert.equal(container?.tty, true);
    } finally {
      clearInterval(appender);
      mine.kill();
      theirs.kill();
    }
  });

  test('attaching with --dry-run is refused as kubectl refuses it', async () => {
    const result = await bothIn(namespaces, (ns) => [
      'run',
      '-i',
      'dry',
      '--image=busybox',
      '--dry-run=client',
      '-n',
      ns,
    ]);
    assertSame(result, namespaces);
    assert.equal(result.mine.code, 1);
  });
});

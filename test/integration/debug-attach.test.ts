/**
 * `ktl debug -i/--attach` side by side with kubectl. kwok reports no status for ephemeral
 * containers, so both wait for it without end; the test then plays the kubelet and writes the
 * container's status through pods/status (waiting with a reason, running, terminated), which is
 * what both clients watch for. kwok's ClusterAttach (scripts/cluster/cluster.sh) fails to attach
 * to a container named broken-attach, so the fall back to logs is exercised too, and any other
 * container follows kwok/attach.log, which the live test appends to.
 */
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  adminKubeconfig,
  clusterDir,
  kubectlPath,
  ktl,
  kubectl,
  kubectlOk,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';
import { TmuxSession } from '../helpers/tmux.js';

type Runner = typeof ktl;

/** Random name suffixes, and each client's own pod names (x-mine, x-theirs). */
const mask = (text: string): string =>
  text
    .replace(/(debugger|node-debugger-[\w-]+?)-[a-z0-9]{5}\b/g, '$1-XXXXX')
    .replace(/\b([\w-]+)-(mine|theirs)\b/g, '$1-POD');

function assertSame(mine: RunResult, theirs: RunResult, what: string): void {
  assert.equal(mask(mine.stderr), mask(theirs.stderr.replaceAll('kubectl', 'ktl')), what);
  assert.equal(mask(mine.stdout), mask(theirs.stdout), what);
  assert.equal(mine.code, theirs.code, what);
}

/** One CRI line in kwok/attach.log, which every live attach on this cluster follows. */
function appendAttachLine(text: string): void {
  appendFileSync(
    join(clusterDir, 'kwok', 'attach.log'),
    `${new Date().toISOString()} stdout F ${text}\n`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ktl debug attaches like kubectl debug', () => {
  let ns = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'debug-attach');
  });
  after(() => Promise.all(cleanups.map((fn) => fn())));

  /** A running pod for each client. */
  async function pods(prefix: string): Promise<{ mine: string; theirs: string }> {
    const names = { mine: `${prefix}-mine`, theirs: `${prefix}-theirs` };
    for (const name of Object.values(names))
      await kubectlOk(['run', name, '-n', ns, '--image=nginx']);
    await kubectlOk(['wait', '--for=condition=Ready', 'pod', ...Object.values(names), '-n', ns]);
    return names;
  }

  /** Waits until debug added the ephemeral container, then writes its status as a kubelet. */
  async function kubeletReports(pod: string, container: string, states: object[]) {
    for (let i = 0; i < 100; i++) {
      const spec = await kubectlOk(['get', 'pod', pod, '-n', ns, '-o', 'jsonpath={.spec}']);
      if (spec.includes(`"name":"${container}"`)) break;
      await sleep(300);
    }
    for (const state of states) {
      const status = { name: container, image: 'busybox', imageID: '', ready: false };
      const body = { ...status, restartCount: 0, state, lastState: {} };
      await kubectlOk([
        ...['patch', 'pod', pod, '-n', ns, '--subresource=status', '--type=merge'],
        `-p=${JSON.stringify({ status: { ephemeralContainerStatuses: [body] } })}`,
      ]);
      await sleep(1500);
    }
  }

  /** Runs debug with both clients, each on its pod, while the kubelet's part is played. */
  async function both(
    names: { mine: string; theirs: string },
    args: string[] | ((pod: string) => string[]),
    kubelet: (pod: string) => Promise<unknown>,
    timeoutMs = 60_000,
  ): Promise<{ mine: RunResult; theirs: RunResult }> {
    const run = async (runner: Runner, pod: string) => {
      const extra = typeof args === 'function' ? args(pod) : args;
      const result = runner(['debug', pod, '-n', ns, ...extra], { timeoutMs });
      await kubelet(pod);
      return result;
    };
    const [mine, theirs] = await Promise.all([run(ktl, names.mine), run(kubectl, names.theirs)]);
    return { mine, theirs };
  }

  test('an ephemeral container nobody reports on: both wait, without a time limit', async () => {
    const names = await pods('silent');
    const { mine, theirs } = await both(
      names,
      ['-i', '--image=busybox', '-c', 'dbg', '--profile=general'],
      () => sleep(0),
      8000,
    );
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    assert.equal(mine.stderr, '');
    // killed while waiting, as kubectl is
    assert.equal(mine.code, theirs.code);
  });

  test('waiting with a reason, then running: the attach fails and the logs come', async () => {
    const names = await pods('fallback');
    const waiting = { waiting: { reason: 'ContainerCreating', message: 'pulling busybox' } };
    const running = { running: { startedAt: '2026-01-01T00:00:00Z' } };
    const { mine, theirs } = await both(
      names,
      ['-i', '--image=busybox', '-c', 'broken-attach', '--profile=general'],
      (pod) => kubeletReports(pod, 'broken-attach', [waiting, running]),
    );
    assertSame(mine, theirs, 'fallback');
    assert.equal(mine.code, 0);
    assert.match(mine.stderr, /^Warning: container broken-attach: pulling busybox\n/);
    assert.match(mine.stderr, /warning: couldn't attach to pod\/fallback-mine, falling back/);
    assert.match(mine.stdout, /fake log line 1 from kwok\n/);
  });

  test('a container that already ended: its logs, no attach; -q says nothing', async () => {
    const names = await pods('ended');
    const terminated = { terminated: { exitCode: 0, reason: 'Completed' } };
    const { mine, theirs } = await both(
      names,
      ['--attach', '--image=busybox', '-c', 'done', '--profile=general', '-q'],
      (pod) => kubeletReports(pod, 'done', [terminated]),
    );
    assertSame(mine, theirs, 'terminated');
    assert.equal(mine.stderr, '');
    assert.match(mine.stdout, /^fake log line 1 from kwok\n/);
  });

  test('the pod deleted while debug waits: kubectl NotFound without a name', async () => {
    const names = await pods('deleted');
    const { mine, theirs } = await both(names, ['-i', '--image=busybox', '-c', 'dbg'], (pod) =>
      kubeletReports(pod, 'dbg', []).then(() =>
        kubectlOk(['delete', 'pod', pod, '-n', ns, '--grace-period=0', '--force']),
      ),
    );
    assertSame(mine, theirs, 'deleted');
    assert.equal(mine.stderr.split('\n').at(-2), 'Error from server (NotFound): pods "" not found');
    assert.equal(mine.code, 1);
  });

  test('a copy and a node pod (kwok runs them): attach, or the logs when it fails', async () => {
    const names = await pods('copy');
    const copy = await both(
      names,
      (pod) => [
        ...['-i', '--image=busybox', `--copy-to=${pod}-copy`, '-c', 'broken-attach'],
        '--profile=baseline',
      ],
      () => sleep(0),
    );
    assert.equal(
      copy.mine.stderr,
      copy.theirs.stderr.replaceAll(names.theirs, names.mine).replaceAll('kubectl', 'ktl'),
    );
    assert.equal(copy.mine.stdout, copy.theirs.stdout);
    assert.equal(copy.mine.code, 0);
    const node = await Promise.all(
      [ktl, kubectl].map((runner) =>
        runner([
          ...['debug', 'node/kwok-node-0', '-n', ns, '-i', '--image=busybox'],
          ...['-c', 'broken-attach', '--profile=sysadmin', '-q'],
        ]),
      ),
    );
    assertSame(node[0] as RunResult, node[1] as RunResult, 'node');
    assert.match((node[0] as RunResult).stdout, /fake log line 1 from kwok\n/);
  });

  test('a live attach to a copy streams what the container writes', async () => {
    const names = await pods('live');
    const marker = `debug-attached-${process.pid}-${Date.now()}`;
    const appender = setInterval(() => appendAttachLine(marker), 500);
    try {
      // kwok never ends an attach: both clients are killed after 12 s
      const [mine, theirs] = await Promise.all(
        (
          [
            [ktl, names.mine],
            [kubectl, names.theirs],
          ] as const
        ).map(([runner, pod]) =>
          runner(
            [
              ...['debug', pod, '-n', ns, '-i', '--image=busybox', `--copy-to=${pod}-copy`],
              ...['-c', 'dbg', '--profile=general'],
            ],
            { timeoutMs: 12_000, input: 'ignored by kwok\n' },
          ),
        ),
      );
      assert.match(mine?.stdout ?? '', new RegExp(`^(${marker}\n)+$`));
      assert.match(theirs?.stdout ?? '', new RegExp(`^(${marker}\n)+$`));
      assert.equal(mine?.stderr, theirs?.stderr);
      assert.match(mine?.stderr ?? '', /If you don't see a command prompt, try pressing enter.\n$/);
    } finally {
      clearInterval(appender);
    }
  });

  test('-it in a terminal: a TTY container, the raw attach and its notices', async () => {
    const names = await pods('tty');
    const marker = `debug-tty-${process.pid}-${Date.now()}`;
    const command = (binary: string, pod: string) =>
      `${binary} debug ${pod} -n ${ns} -it --image=busybox --copy-to=${pod}-copy -c dbg --profile=general`;
    const env = { KUBECONFIG: adminKubeconfig, HOME: process.env['HOME'] ?? '/tmp' };
    const mine = new TmuxSession(
      command(`${process.execPath} ${join(repoRoot, 'bin', 'ktl')}`, names.mine),
      env,
    );
    const theirs = new TmuxSession(command(kubectlPath(), names.theirs), env);
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
      const copy = await kubectlOk(['get', 'pod', `${names.mine}-copy`, '-n', ns, '-o', 'json']);
      const containers = (JSON.parse(copy) as { spec: { containers: Array<{ tty?: boolean }> } })
        .spec.containers;
      assert.equal(containers.at(-1)?.tty, true);
    } finally {
      clearInterval(appender);
      mine.kill();
      theirs.kill();
    }
  });
});

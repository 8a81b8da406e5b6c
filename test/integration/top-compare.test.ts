/**
 * `ktl top` against kubectl on the local cluster's metrics-server (kwok emulates the kubelet's
 * /metrics/resource from pod annotations). The numbers are momentary (CPU is a rate between two
 * scrapes), so rows are compared with CPU figures masked; memory is a gauge taken from the
 * annotations and compared as printed. Usages differ enough that sorting is deterministic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startBareApiserver } from '../helpers/bare-apiserver.js';
import { clusterEnv, ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

/** Lines as fields, CPU figures masked (`123m` → `<cpu>`), padding ignored. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) =>
      line
        .trim()
        .split(/\s+/)
        .map((cell) => cell.replace(/^\d+m$/, '<cpu>')),
    );
}

/** Same rows, same stderr, same exit code; every line ends in the tabwriter's padding. */
async function sameTable(args: string[]): Promise<string> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  const what = args.join(' ');
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${what}`);
  assert.deepEqual(rows(mine.stdout), rows(theirs.stdout), `stdout of ${what}`);
  assert.equal(mine.code, theirs.code, `exit code of ${what}`);
  for (const line of mine.stdout.split('\n').filter(Boolean))
    assert.match(line, / {3}$/, `padding at the end of "${line}" (${what})`);
  return mine.stdout;
}

/** For outputs without momentary numbers: byte for byte. */
async function same(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  const what = args.join(' ');
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${what}`);
  assert.equal(mine.stdout, theirs.stdout, `stdout of ${what}`);
  assert.equal(mine.code, theirs.code, `exit code of ${what}`);
  return mine;
}

const usage = (cpu: string, memory: string): string =>
  `{kwok.x-k8s.io/usage-cpu: "${cpu}", kwok.x-k8s.io/usage-memory: "${memory}"}`;

const PODS = (ns: string): string => `
apiVersion: v1
kind: Pod
metadata: {name: small, namespace: ${ns}, labels: {tier: a}, annotations: ${usage('100m', '300Mi')}}
spec: {containers: [{name: app, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: large, namespace: ${ns}, labels: {tier: b}, annotations: ${usage('700m', '100Mi')}}
spec: {containers: [{name: app, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: pair, namespace: ${ns}, labels: {tier: a}, annotations: ${usage('250m', '64Mi')}}
spec: {containers: [{name: main, image: busybox}, {name: side, image: busybox}]}
`;

/** Waits until metrics-server reports every pod of the namespace (two scrapes after creation). */
async function waitForPodMetrics(ns: string, count: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const result = await kubectl(['top', 'pod', '-n', ns, '--no-headers']);
    if (result.stdout.split('\n').filter(Boolean).length >= count) return;
    if (Date.now() > deadline)
      throw new Error(`no metrics for the pods of ${ns}: ${result.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

describe('ktl top matches kubectl on the local metrics-server', () => {
  let ns = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    if (!clusterEnv()['KTL_METRICS_SERVER_PID'])
      throw new Error(
        'the local cluster predates metrics-server: npm run cluster -- down; npm run cluster -- up',
      );
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'top');
    await kubectlOk(['apply', '-f', '-'], { input: PODS(ns) });
    await waitForPodMetrics(ns, 3);
  });
  after(() => Promise.all(cleanups.map((fn) => fn())));

  test('top pod: names, memory and the table layout', async () => {
    const out = await sameTable(['top', 'pod', '-n', ns]);
    assert.deepEqual(rows(out), [
      ['NAME', 'CPU(cores)', 'MEMORY(bytes)'],
      ['large', '<cpu>', '100Mi'],
      ['pair', '<cpu>', '128Mi'],
      ['small', '<cpu>', '300Mi'],
    ]);
  });

  test('top pod --sort-by=cpu|memory orders by usage, descending', async () => {
    const byCpu = await sameTable(['top', 'pod', '-n', ns, '--sort-by=cpu']);
    assert.deepEqual(
      rows(byCpu).map((r) => r[0]),
      ['NAME', 'large', 'pair', 'small'],
    );
    const byMemory = await sameTable(['top', 'pod', '-n', ns, '--sort-by', 'memory']);
    assert.deepEqual(
      rows(byMemory).map((r) => r[0]),
      ['NAME', 'small', 'pair', 'large'],
    );
  });

  test('top pod --containers, --no-headers, --sum, --show-swap', async () => {
    await sameTable(['top', 'pod', '-n', ns, '--containers']);
    // (not --containers with --sort-by: pair's two containers use the same, so their order is
    // the server's, which changes from call to call)
    await sameTable(['top', 'pod', '-n', ns, '--no-headers']);
    const sum = await sameTable(['top', 'pod', '-n', ns, '--sum']);
    assert.deepEqual(rows(sum).slice(-2), [
      ['________', '________'],
      ['<cpu>', '528Mi'],
    ]);
    await sameTable(['top', 'pod', '-n', ns, '--sum', '--no-headers', '--containers']);
    await sameTable(['top', 'pod', '-n', ns, '--show-swap']);
    await sameTable(['top', 'pod', '-n', ns, '--use-protocol-buffers=false']);
    await sameTable(['top', 'pod', '-n', ns, '-l', 'tier=a', '--sum', '--sort-by=memory']);
    await sameTable(['top', 'pod', '-n', ns, '--field-selector=metadata.name!=pair', '--sum']);
    await sameTable(['top', 'pod', '-n', ns, '--no-headers', '--sort-by=cpu']);
  });

  test('top pod NAME, -l and --field-selector', async () => {
    await sameTable(['top', 'pod', 'pair', '-n', ns]);
    await sameTable(['top', 'pod', 'pair', '-n', ns, '--containers']);
    await sameTable(['top', 'pods', '-n', ns, '-l', 'tier=a']);
    await sameTable(['top', 'po', '-n', ns, '--field-selector', 'metadata.name=large']);
  });

  test('top pod -A: the namespace column, our rows as kubectl prints them', async () => {
    const [mine, theirs] = await Promise.all([
      ktl(['top', 'pod', '-A']),
      kubectl(['top', 'pod', '-A']),
    ]);
    assert.equal(mine.code, 0, mine.stderr);
    assert.deepEqual(rows(mine.stdout)[0], ['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    const ours = (text: string): string[][] => rows(text).filter((r) => r[0] === ns);
    assert.deepEqual(ours(mine.stdout), ours(theirs.stdout));
    assert.equal(ours(mine.stdout).length, 3);
    // with the namespace column and the container column; the field selector keeps the rows
    // to our pods, whatever other tests run at the same time
    const onlyOurs = `--field-selector=metadata.namespace=${ns}`;
    await sameTable(['top', 'pod', '-A', onlyOurs, '--containers', '--sum']);
    await sameTable(['top', 'pod', '-A', onlyOurs, '-l', 'tier=a', '--sort-by=memory']);
  });

  test('top node: every node, with CPU and memory percentages', async () => {
    const out = await sameTable(['top', 'node']);
    assert.deepEqual(rows(out)[0], ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    await sameTable(['top', 'node', '--no-headers', '-l', 'type=kwok']);
    await sameTable(['top', 'nodes', 'kwok-node-0']);
    await sameTable(['top', 'no', 'kwok-node-0', '--show-capacity']);
    await sameTable(['top', 'node', '--show-capacity', '--no-headers']);
    await sameTable(['top', 'node', '--sort-by=memory', '--show-capacity']);
    const swap = await sameTable(['top', 'node', 'kwok-node-0', '--show-swap']);
    assert.match(swap, /<unknown> +<unknown> +$/m);
  });

  test('errors: kubectl words, exit codes', async () => {
    await same(['top', 'pod', '-n', ns, '--sort-by=name']);
    await same(['top', 'node', '--sort-by=disk']);
    await same(['top', 'pod', 'small', '-n', ns, '-l', 'tier=a']);
    await same(['top', 'node', 'kwok-node-0', '-l', 'type=kwok']);
    await same(['top', 'node', 'a', 'b']);
    await same(['top', 'pod', 'a', 'b', '-n', ns]);
    await same(['top', 'pod', 'nope', '-n', ns]);
    await same(['top', 'node', 'nope']);
    await same(['top', 'pod', '-n', ns, '-l', 'a b']);
    await same(['top', 'pod', '-n', ns, '--field-selector', 'nonsense']);
  });

  test('nothing to show: an empty namespace, a pod that never runs', async () => {
    const empty = await testNamespace(
      { after: (fn: () => unknown) => cleanups.push(fn) },
      'top-empty',
    );
    const { stderr } = await same(['top', 'pod', '-n', empty]);
    assert.equal(stderr, `No resources found in ${empty} namespace.\n`);
    await kubectlOk([
      'run',
      'stuck',
      '--image=busybox',
      '-n',
      empty,
      '--overrides',
      '{"spec":{"nodeSelector":{"no-such":"node"}}}',
    ]);
    const pending = await same(['top', 'pod', '-n', empty]);
    assert.equal(pending.stderr, 'error: metrics not available yet\n');
  });

  test("a cluster without the metrics API: kubectl's error", async (t) => {
    const kubeconfig = await startBareApiserver(t);
    for (const args of [
      ['top', 'pod'],
      ['top', 'node'],
      ['top', 'pod', '-A', '--containers'],
    ]) {
      const env = { KUBECONFIG: kubeconfig };
      const [mine, theirs] = await Promise.all([ktl(args, { env }), kubectl(args, { env })]);
      assert.equal(mine.stderr, 'error: Metrics API not available\n');
      assert.equal(mine.stderr, theirs.stderr);
      assert.equal(mine.stdout, theirs.stdout);
      assert.equal(mine.code, theirs.code);
    }
  });
});

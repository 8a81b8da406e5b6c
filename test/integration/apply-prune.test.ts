/**
 * `apply --prune` side by side with kubectl 1.34: each scenario runs in a namespace of its own
 * for each tool, and both must print the same (stdout, stderr with klog's header folded, exit
 * code) and leave the same objects behind. Labels are unique per run, so the default
 * allow-list (which includes Namespaces and PersistentVolumes) never reaches other tests.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';

const runLabel = `prune-${process.pid}`;

/** A list of ConfigMaps (and other kinds) as JSON, labelled app=<label> unless told. */
function manifest(objects: Array<{ kind?: string; name: string; ns?: string; app?: string }>) {
  const items = objects.map((o) => ({
    apiVersion: 'v1',
    kind: o.kind ?? 'ConfigMap',
    metadata: {
      name: o.name,
      ...(o.ns ? { namespace: o.ns } : {}),
      labels: { app: o.app ?? runLabel },
    },
    ...((o.kind ?? 'ConfigMap') === 'Secret' ? { data: { k: 'dg==' } } : { data: { k: 'v' } }),
  }));
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

/** kubectl's klog header (time, pid) differs between runs; a namespace name differs per tool. */
function normalized(result: RunResult, namespaces: string[]): RunResult {
  const fold = (text: string): string => {
    let out = text.replace(/^W\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm, 'W ');
    namespaces.forEach((ns, i) => (out = out.split(ns).join(`NS${i}`)));
    return out;
  };
  return { stdout: fold(result.stdout), stderr: fold(result.stderr), code: result.code };
}

/** Lines compared as a set: kubectl walks its visited namespaces in Go map order. */
function asSet(result: RunResult): { stdout: string[]; stderr: string[]; code: number } {
  const lines = (text: string): string[] => text.split('\n').filter(Boolean).sort();
  return { stdout: lines(result.stdout), stderr: lines(result.stderr), code: result.code };
}

/** The apply-managed objects left in the namespaces: `kind/name` per namespace index. */
async function leftOver(namespaces: string[], types = 'cm,secret'): Promise<string[]> {
  const found: string[] = [];
  for (const [i, ns] of namespaces.entries()) {
    const names = await kubectlOk(['get', types, '-n', ns, '-o', 'name']);
    for (const name of names.split('\n').filter(Boolean))
      if (!name.endsWith('/kube-root-ca.crt')) found.push(`NS${i} ${name}`);
  }
  return found.sort();
}

type Tool = typeof ktl;

/** Runs the same steps for both tools in their own namespaces; returns each tool's last result. */
async function sideBySide(
  t: Parameters<typeof testNamespace>[0],
  count: number,
  steps: (tool: Tool, namespaces: string[]) => Promise<RunResult>,
) {
  const theirs: string[] = [];
  const ours: string[] = [];
  for (let i = 0; i < count; i++) {
    theirs.push(await testNamespace(t, `prune-k${i}`));
    ours.push(await testNamespace(t, `prune-t${i}`));
  }
  const expected = normalized(await steps(kubectl, theirs), theirs);
  const actual = normalized(await steps(ktl, ours), ours);
  return {
    expected,
    actual,
    expectedLeft: await leftOver(theirs),
    actualLeft: await leftOver(ours),
  };
}

async function applyOk(tool: Tool, args: string[], input: string): Promise<void> {
  const result = await tool(['apply', ...args, '-f', '-'], { input });
  assert.equal(result.code, 0, `apply ${args.join(' ')}: ${result.stderr}`);
}

test('apply --prune -l deletes the labelled objects no longer in the input, as kubectl does', async (t) => {
  const all = manifest([{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'other', app: 'x' }]);
  const run = await sideBySide(t, 1, async (tool, [ns]) => {
    await applyOk(tool, ['-n', ns!], all);
    // Created without the last-applied annotation: prune must leave it alone.
    await kubectlOk(['create', 'configmap', 'manual', '-n', ns!]);
    await kubectlOk(['label', 'configmap', 'manual', `app=${runLabel}`, '-n', ns!]);
    return tool(['apply', '-n', ns!, '--prune', '-l', `app=${runLabel}`, '-f', '-'], {
      // -l also selects what is applied: `filtered` (app=x) is neither applied nor pruned.
      input: manifest([{ name: 'a' }, { name: 'filtered', app: 'x' }]),
    });
  });
  assert.deepEqual(run.actual, run.expected);
  assert.equal(
    run.actual.stdout,
    'configmap/a unchanged\nconfigmap/b pruned\nconfigmap/c pruned\n',
  );
  assert.match(run.actual.stderr, /^W prune\.go:71\] Deprecated: kubectl apply will no longer/m);
  assert.deepEqual(run.actualLeft, run.expectedLeft);
  assert.deepEqual(run.actualLeft, [
    'NS0 configmap/a',
    'NS0 configmap/manual',
    'NS0 configmap/other',
  ]);
});

test('apply --prune under --dry-run=client and =server, and with -o name, deletes nothing', async (t) => {
  for (const flags of [
    ['--dry-run=client'],
    ['--dry-run=server'],
    ['--dry-run=server', '-o', 'name'],
  ]) {
    const run = await sideBySide(t, 1, async (tool, [ns]) => {
      await applyOk(tool, ['-n', ns!], manifest([{ name: 'keep' }, { name: 'gone' }]));
      return tool(['apply', '-n', ns!, '--prune', '-l', `app=${runLabel}`, ...flags, '-f', '-'], {
        input: manifest([{ name: 'keep' }]),
      });
    });
    assert.deepEqual(run.actual, run.expected, flags.join(' '));
    assert.deepEqual(run.actualLeft, ['NS0 configmap/gone', 'NS0 configmap/keep'], flags.join(' '));
    assert.deepEqual(run.actualLeft, run.expectedLeft);
  }
  const run = await sideBySide(t, 1, async (tool, [ns]) => {
    await applyOk(tool, ['-n', ns!], manifest([{ name: 'keep' }, { name: 'gone' }]));
    return tool(['apply', '-n', ns!, '--prune', '-l', `app=${runLabel}`, '-o', 'name', '-f', '-'], {
      input: manifest([{ name: 'keep' }]),
    });
  });
  assert.deepEqual(run.actual, run.expected);
  assert.equal(run.actual.stdout, 'configmap/keep\nconfigmap/gone\n');
  assert.deepEqual(run.actualLeft, ['NS0 configmap/keep']);
});

test('apply --prune -o yaml|json prints the applied List, then each pruned object, as kubectl', async (t) => {
  // Lines that differ between any two objects (identity, versions, times) are left out.
  const volatile = /^\s*"?(uid|resourceVersion|creationTimestamp|time)"?:.*$\n/gm;
  for (const output of ['yaml', 'json']) {
    const run = await sideBySide(t, 1, async (tool, [ns]) => {
      await applyOk(tool, ['-n', ns!], manifest([{ name: 'keep' }, { name: 'gone' }]));
      const args = ['apply', '-n', ns!, '--prune', '-l', `app=${runLabel}`, '-o', output];
      return tool([...args, '--dry-run=server', '-f', '-'], {
        input: manifest([{ name: 'keep' }]),
      });
    });
    assert.equal(run.actual.code, 0, run.actual.stderr);
    assert.equal(
      run.actual.stdout.replace(volatile, ''),
      run.expected.stdout.replace(volatile, ''),
      output,
    );
    assert.ok(run.actual.stdout.includes('gone'), output);
    assert.doesNotMatch(run.actual.stdout, /managedFields/);
  }
});

test('apply --prune looks only in the namespaces the input touched', async (t) => {
  const run = await sideBySide(t, 3, async (tool, [one, two, three]) => {
    const first = manifest([
      { name: 'a1', ns: one },
      { name: 'a2', ns: one },
      { name: 'b1', ns: two },
      { name: 'b2', ns: two },
      { name: 'c1', ns: three },
    ]);
    await applyOk(tool, [], first);
    return tool(['apply', '--prune', '-l', `app=${runLabel}`, '-f', '-'], {
      input: manifest([
        { name: 'a1', ns: one },
        { name: 'b1', ns: two },
      ]),
    });
  });
  assert.deepEqual(asSet(run.actual), asSet(run.expected));
  assert.deepEqual(run.actualLeft, run.expectedLeft);
  assert.deepEqual(run.actualLeft, ['NS0 configmap/a1', 'NS1 configmap/b1', 'NS2 configmap/c1']);
});

test('apply --prune --all with --prune-allowlist prunes only the listed kinds', async (t) => {
  const run = await sideBySide(t, 1, async (tool, [ns]) => {
    const first = manifest([
      { name: 'cm1' },
      { name: 'cm2' },
      { kind: 'Secret', name: 's1' },
      { kind: 'Secret', name: 's2' },
    ]);
    await applyOk(tool, ['-n', ns!], first);
    return tool(
      ['apply', '-n', ns!, '--prune', '--all', '--prune-allowlist=core/v1/ConfigMap', '-f', '-'],
      { input: manifest([{ name: 'cm1' }, { kind: 'Secret', name: 's1' }]) },
    );
  });
  assert.deepEqual(run.actual, run.expected);
  assert.equal(
    run.actual.stdout,
    'configmap/cm1 unchanged\nsecret/s1 unchanged\nconfigmap/cm2 pruned\n',
  );
  assert.equal(run.actual.stderr, '', 'no deprecation warning with an explicit allow-list');
  assert.deepEqual(run.actualLeft, run.expectedLeft);
  assert.deepEqual(run.actualLeft, ['NS0 configmap/cm1', 'NS0 secret/s1', 'NS0 secret/s2']);
});

test('apply --prune prunes nothing when an object fails to apply', async (t) => {
  const run = await sideBySide(t, 1, async (tool, [ns]) => {
    await applyOk(
      tool,
      [],
      manifest([
        { name: 'a', ns },
        { name: 'b', ns },
      ]),
    );
    // The second object names a namespace that does not exist: its create fails on the server.
    const missing = `${runLabel}-missing`;
    return tool(['apply', '--prune', '-l', `app=${runLabel}`, '-f', '-'], {
      input: manifest([
        { name: 'a', ns },
        { name: 'x', ns: missing },
      ]),
    });
  });
  assert.equal(run.actual.code, run.expected.code);
  assert.equal(run.actual.code, 1);
  assert.equal(run.actual.stdout, run.expected.stdout);
  assert.equal(run.actual.stdout, 'configmap/a unchanged\n');
  assert.match(run.actual.stderr, new RegExp(`namespaces "${runLabel}-missing" not found`));
  assert.deepEqual(run.actualLeft, run.expectedLeft);
  assert.deepEqual(run.actualLeft, ['NS0 configmap/a', 'NS0 configmap/b']);
});

test('apply --prune refuses what kubectl refuses, with its words', async (t) => {
  const ns = await testNamespace(t, 'prune-flags');
  const input = manifest([{ name: 'a' }]);
  const cases = [
    ['--prune'],
    ['--prune', '--all', '-l', 'a=b'],
    ['--all', '-l', 'a=b'],
    ['--prune', '--all', '--server-side'],
    ['--prune', '--prune-allowlist=foo'],
    ['--prune', '--all', '--prune-allowlist=core/v1/NoSuchKind'],
    // kubectl 1.34 no longer has the deprecated --prune-whitelist alias; neither does ktl.
    ['--prune', '-l', 'a=b', '--prune-whitelist', 'core/v1/ConfigMap'],
    ['-l', 'nothing=matches'],
  ];
  for (const flags of cases) {
    const args = ['apply', '-n', ns, ...flags, '-f', '-'];
    const expected = await kubectl(args, { input });
    const actual = await ktl(args, { input });
    assert.equal(actual.code, expected.code, flags.join(' '));
    assert.notEqual(actual.code, 0, flags.join(' '));
    assert.equal(actual.stdout, expected.stdout, flags.join(' '));
    assert.equal(actual.stderr.split('\n')[0], expected.stderr.split('\n')[0], flags.join(' '));
  }
  assert.equal(await kubectlOk(['get', 'cm', 'a', '-n', ns, '--ignore-not-found']), '');
});

/** Puts a finalizer on ConfigMap `held` (so its deletion waits), or takes it off. */
function holdWithFinalizer(ns: string, hold: boolean): Promise<string> {
  const finalizers = hold ? '["ktl.test/hold"]' : 'null';
  const patch = `{"metadata":{"finalizers":${finalizers}}}`;
  return kubectlOk(['patch', 'cm', 'held', '-n', ns, '--type=merge', '-p', patch]);
}

test('apply --prune --wait waits for pruned objects to be gone (kubectl accepts --wait but its pruner ignores it)', async (t) => {
  const ns = await testNamespace(t, 'prune-wait');
  await applyOk(ktl, ['-n', ns], manifest([{ name: 'keep' }, { name: 'held' }]));
  await holdWithFinalizer(ns, true);
  t.after(() => holdWithFinalizer(ns, false));
  const args = ['apply', '-n', ns, '--prune', '-l', `app=${runLabel}`, '-f', '-'];
  const input = manifest([{ name: 'keep' }]);
  const theirs = await kubectl([...args, '--wait', '--timeout=2s'], { input });
  assert.equal(theirs.code, 0, 'kubectl returns while the finalizer still holds the object');
  await holdWithFinalizer(ns, false);
  await applyOk(ktl, ['-n', ns], manifest([{ name: 'keep' }, { name: 'held' }]));
  await holdWithFinalizer(ns, true);
  const started = Date.now();
  const ours = await ktl([...args, '--wait', '--timeout=2s'], { input });
  assert.equal(ours.code, 1);
  assert.ok(Date.now() - started >= 2000);
  assert.equal(ours.stdout, 'configmap/keep unchanged\nconfigmap/held pruned\n');
  assert.match(ours.stderr, /error: timed out waiting for the condition on configmaps\/held\n$/);
});

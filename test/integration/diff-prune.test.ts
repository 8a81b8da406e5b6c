/**
 * diff --prune, --prune-allowlist, -l and --concurrency side by side with kubectl 1.34.4: the
 * objects an apply --prune would delete shown as removed (in full, as the server returns them),
 * -l narrowing both the manifests and the prune, the allow-list and its errors, and the same
 * hunks whatever the concurrency. Nothing on the server changes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';

/** The diff text without the lines naming temporary files and times; klog headers masked. */
function normalised(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^(diff -u -N |--- |\+\+\+ )/.test(l))
    .map((l) => l.replace(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /, 'W<klog> '))
    .join('\n')
    .replaceAll('kubectl apply will', 'ktl apply will');
}

function manifests(ns: string, keepValue: string): string {
  const cm = (name: string, data: string, labels = '{app: demo}'): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: ${labels}\ndata: {${data}}\n`;
  return [
    cm('keep', `a: "${keepValue}"`),
    cm('other', 'o: "1"', '{app: other}'),
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sec\n' +
      `  namespace: ${ns}\n  labels: {app: demo}\nstringData: {p: x}\n`,
    cm('gone', 'b: "2"'),
  ].join('---\n');
}

async function liveState(ns: string): Promise<string> {
  return kubectlOk([
    '-n',
    ns,
    'get',
    'configmaps,secrets',
    '-o',
    'custom-columns=NAME:.metadata.name,RV:.metadata.resourceVersion',
  ]);
}

test('diff --prune / --prune-allowlist / -l / --concurrency: same output and exit codes as kubectl', async (t) => {
  const ns = await testNamespace(t, 'diff-prune');
  await kubectlOk(['apply', '-f', '-'], { input: manifests(ns, '1') });
  // the manifests without gone and sec, keep changed
  const next = manifests(ns, '2').split('---\n').slice(0, 2).join('---\n');
  const before = await liveState(ns);
  const cases = [
    ['--prune', '-l', 'app=demo'],
    ['--prune'],
    ['--prune', '--prune-allowlist=core/v1/ConfigMap', '-l', 'app=demo'],
    ['--prune', '--prune-allowlist', 'core/v1/Secret', '--prune-allowlist', 'core/v1/ConfigMap'],
    ['--prune-allowlist=not-parsed-without-prune'],
    ['--prune', '--prune-allowlist=foo'],
    ['--prune', '--prune-allowlist=core/v1/Nope'],
    ['-l', 'app=demo'],
    ['-l', 'app=nothing'],
    ['-l', 'app in (demo,other)', '--concurrency=4'],
    ['--concurrency=0'],
    ['--concurrency=x'],
  ];
  for (const args of cases) {
    const theirs = await kubectl(['diff', '-f', '-', ...args], { input: next });
    const mine = await ktl(['diff', '-f', '-', ...args], { input: next });
    const what = args.join(' ');
    assert.equal(normalised(mine.stdout), normalised(theirs.stdout), `stdout of ${what}`);
    assert.equal(
      normalised(mine.stderr),
      normalised(theirs.stderr.replaceAll("'kubectl diff", "'ktl diff")),
      `stderr of ${what}`,
    );
    assert.equal(mine.code, theirs.code, `exit code of ${what}`);
  }
  assert.equal(await liveState(ns), before, 'diff changed nothing');
});

/**
 * Arguments and shorthands kubectl refuses, side by side: `apply` with arguments ("Unexpected
 * args"), and a global flag's shorthand on a command whose own flag of that name has none
 * (`config set-context -n`, `config set-cluster -s`), where pflag knows no such shorthand.
 * The kubeconfig each tool is given is a copy, compared afterwards: nothing is written.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminKubeconfig, ktl, kubectl } from '../helpers/cluster.js';

const CASES: string[][] = [
  ['apply', 'foo'],
  ['apply', 'foo', 'bar', '-f', 'nonexistent.yaml'],
  ['apply', 'foo', '--dry-run=client'],
  ['config', 'set-context', 'x', '-n', 'ns'],
  ['-n', 'ns', 'config', 'set-context', 'x'],
  ['config', 'set-context', 'x', '-nns'],
  ['config', 'set-cluster', 'c', '-s', 'https://example.invalid'],
  ['config', 'set-context', 'y', '--namespace=ns'],
  ['-n', 'ns', 'config', 'view', '--minify', '-o', 'jsonpath={.kind}'],
];

for (const args of CASES) {
  test(`ktl ${args.join(' ')}: as kubectl`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'ktl-arg-refusals-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const [ours, theirs] = [join(dir, 'ktl'), join(dir, 'kubectl')];
    copyFileSync(adminKubeconfig, ours);
    copyFileSync(adminKubeconfig, theirs);
    const [mine, reference] = await Promise.all([
      ktl(args, { env: { KUBECONFIG: ours } }),
      kubectl(args, { env: { KUBECONFIG: theirs } }),
    ]);
    assert.equal(mine.stderr, reference.stderr.replaceAll('kubectl', 'ktl'));
    assert.equal(mine.stdout, reference.stdout);
    assert.equal(mine.code, reference.code);
    assert.equal(readFileSync(ours, 'utf8'), readFileSync(theirs, 'utf8'));
  });
}

/**
 * Ctrl-C during `ktl apply -f`: the objects in flight finish, none starts after, and ktl says
 * which objects were applied and which were not, then exits 130 — checked against what the
 * server holds.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { adminKubeconfig, kubectlOk, repoRoot, testNamespace } from '../helpers/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-apply-interrupt-'));
const home = mkdtempSync(join(tmpdir(), 'ktl-apply-interrupt-home-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

test('SIGINT mid-apply: exit 130, the applied and the not-applied objects named', async (t) => {
  const namespace = await testNamespace(t, 'ktl-interrupt');
  const count = 300;
  const manifest = join(dir, 'many.yaml');
  writeFileSync(
    manifest,
    Array.from(
      { length: count },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  i: "${i}"\n`,
    ).join('---\n'),
  );
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/ktl'), 'apply', '-n', namespace, '-f', manifest],
    { env: { ...process.env, KUBECONFIG: adminKubeconfig, HOME: home, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const deadline = Date.now() + 60_000;
  while ((stdout.match(/created/g) ?? []).length < 3 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGINT');
  const code = await exited;
  assert.equal(code, 130, stderr);
  const summary = /^Interrupted: (\d+) of 300 objects applied/m.exec(stderr);
  assert.ok(summary, stderr);
  const section = (name: string): string[] => {
    const match = new RegExp(`${name}:\\n((?:  .*\\n)*)`).exec(stderr);
    return (match?.[1] ?? '')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.trim());
  };
  const applied = section('applied');
  const notApplied = section('not applied');
  assert.equal(applied.length, Number(summary[1]));
  assert.ok(notApplied.length > 0, 'the interrupt came before the last object');
  assert.equal(applied.length + notApplied.length, count);
  const onServer = new Set(
    (await kubectlOk(['get', 'configmaps', '-n', namespace, '-o', 'name']))
      .split('\n')
      .filter((n) => n.startsWith('configmap/cm-')),
  );
  assert.deepEqual([...onServer].sort(), [...applied].sort());
  for (const line of stdout.split('\n').filter(Boolean))
    assert.ok(applied.includes(line.replace(/ created$/, '')), `${line} printed but not listed`);
});

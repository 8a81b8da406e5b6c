/**
 * `ktl apply edit-last-applied` side by side with kubectl 1.34.4 on twin namespaces, the same
 * scripted editor on each: the file shown (kubectl's last-applied header, a List for several
 * objects), stdout, stderr, exit code, and the annotations left behind.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { maskTwins, removeKeptCopies, scriptedEditor } from './editor-helpers.js';

const OBJECTS = `apiVersion: v1
kind: ConfigMap
metadata: {name: la1, labels: {tier: web}}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: la2}
data: {k: w}
`;

interface Case {
  args: string[];
  passes: string[];
}

test('apply edit-last-applied: files shown, output and annotations left match kubectl', async (t) => {
  const mine = await testNamespace(t, 'edit-last-m');
  const theirs = await testNamespace(t, 'edit-last-t');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-edit-last-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'objects.yaml');
  writeFileSync(file, OBJECTS);
  for (const ns of [mine, theirs]) {
    await kubectlOk(['apply', '-f', file, '-n', ns]);
    await kubectlOk(['create', 'configmap', 'plain', '--from-literal=x=1', '-n', ns]);
  }
  const cases: Case[] = [
    { args: ['cm/la1'], passes: [] },
    { args: ['cm/la1'], passes: ['s/k: v$/k: v2/'] },
    { args: ['cm', 'la1', '-o', 'yaml'], passes: ['s/k: v2$/k: v3/'] },
    { args: ['cm/la1', 'cm/la2'], passes: ['s/k: w$/k: w2/'] },
    { args: ['cm'], passes: ['s/k: w2$/k: w3/'] },
    { args: ['-f', file, '-o', 'json'], passes: ['s/"k": "v3"/"k": "v4"/'] },
    { args: ['cm/la2', '--windows-line-endings', '-o', 'name'], passes: ['s/k: w3/k: w4/'] },
    { args: ['cm/la1', '--template', '{{.data.k}}'], passes: ['s/k: v4/k: v5/'] },
    { args: ['cm/la1', '--field-manager', 'mine'], passes: ['s/k: v5/k: v6/'] },
    { args: ['cm/la1', '-o', 'jsonpath={.data'], passes: ['s/k: v6/k: v7/'] },
    { args: ['cm/plain'], passes: [] },
    { args: ['cm/missing'], passes: [] },
    { args: [], passes: [] },
    { args: ['cm/la1', '-o', 'wide'], passes: [] },
    { args: ['cm/la1'], passes: [`s/^  namespace: .*/  namespace: other/`] },
  ];
  const annotations = async (ns: string): Promise<string> =>
    kubectlOk([
      'get',
      'cm',
      '-n',
      ns,
      '-o',
      'jsonpath={range .items[*]}{.metadata.name} {.metadata.annotations}{"\\n"}{end}',
    ]);
  for (const { args, passes } of cases) {
    const label = args.join(' ') || '(no args)';
    const theirEditor = scriptedEditor(passes);
    const ourEditor = scriptedEditor(passes);
    t.after(() => {
      theirEditor.remove();
      ourEditor.remove();
    });
    const words = ['apply', 'edit-last-applied', ...args];
    const their = await kubectl([...words, '-n', theirs], { env: theirEditor.env });
    const ours = await ktl([...words, '-n', mine], { env: ourEditor.env });
    removeKeptCopies(their, ours);
    const mask = (text: string): string => maskTwins(text, mine, theirs);
    assert.equal(mask(ours.stdout), mask(their.stdout), `stdout of ${label}`);
    assert.equal(mask(ours.stderr), mask(their.stderr), `stderr of ${label}`);
    assert.equal(ours.code, their.code, `exit code of ${label}`);
    assert.deepEqual(ourEditor.seen().map(mask), theirEditor.seen().map(mask), `file of ${label}`);
    assert.equal(
      mask(await annotations(mine)),
      mask(await annotations(theirs)),
      `left by ${label}`,
    );
  }
  const managers = await kubectlOk([
    'get',
    'cm/la1',
    '-n',
    mine,
    '--show-managed-fields',
    '-o',
    'jsonpath={.metadata.managedFields[*].manager}',
  ]);
  assert.match(managers, /kubectl-client-side-apply/);
  assert.match(managers, /\bmine\b/);
  const config = await kubectlOk(['apply', 'view-last-applied', 'cm/la1', '-n', mine]);
  assert.match(config, /k: v6/);
});

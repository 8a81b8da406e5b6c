/**
 * `ktl edit` flags side by side with kubectl 1.34.4 on twin namespaces, the same scripted
 * editor on each: -o json|yaml|name|templates, --output-patch, --save-config,
 * --show-managed-fields, --windows-line-endings. Compared: stdout, stderr, exit code, the file
 * the editor was shown and the object left behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { maskTwins, removeKeptCopies, scriptedEditor } from './editor-helpers.js';

interface EditCase {
  args: string[];
  passes: string[];
}

/** Each case edits cm/x from the value the previous case left (a: "n" to a: "n+1"). */
function cases(): EditCase[] {
  const bump = (from: number, json = false): string =>
    json ? `s/"a": "${from}"/"a": "${from + 1}"/` : `s/a: "${from}"/a: "${from + 1}"/`;
  return [
    { args: ['-o', 'json'], passes: [bump(1, true)] },
    { args: ['-o', 'name'], passes: [bump(2)] },
    { args: ['-o', 'jsonpath={.data.a}'], passes: [bump(2)] },
    { args: ['--template', '{{.metadata.name}} {{.data.a}}'], passes: [bump(2)] },
    { args: ['--output-patch'], passes: [bump(3)] },
    { args: ['--output-patch', '-o', 'json', '--windows-line-endings'], passes: [bump(4, true)] },
    { args: ['--windows-line-endings'], passes: [bump(5)] },
    { args: ['--save-config', '-o', 'yaml'], passes: [bump(6)] },
    { args: ['-o', 'yaml', '--show-managed-fields'], passes: [bump(7)] },
    { args: ['--save-config', '--output-patch'], passes: [bump(8)] },
    { args: ['--output-patch'], passes: ['s/^  a: "9"$/  a: "9"/'] },
    { args: ['--template', '{{.nosuch'], passes: [bump(9)] },
  ];
}

test('edit: the print flags, --output-patch, --save-config and --windows-line-endings as kubectl', async (t) => {
  const mine = await testNamespace(t, 'edit-flags-m');
  const theirs = await testNamespace(t, 'edit-flags-t');
  for (const ns of [mine, theirs])
    await kubectlOk(['create', 'configmap', 'x', '--from-literal=a=1', '-n', ns]);
  for (const { args, passes } of cases()) {
    const label = args.join(' ');
    const theirEditor = scriptedEditor(passes);
    const ourEditor = scriptedEditor(passes);
    t.after(() => {
      theirEditor.remove();
      ourEditor.remove();
    });
    const their = await kubectl(['edit', 'cm/x', ...args, '-n', theirs], { env: theirEditor.env });
    const ours = await ktl(['edit', 'cm/x', ...args, '-n', mine], { env: ourEditor.env });
    removeKeptCopies(their, ours);
    const mask = (text: string): string => maskTwins(text, mine, theirs);
    assert.equal(mask(ours.stdout), mask(their.stdout), `stdout of ${label}`);
    assert.equal(mask(ours.stderr), mask(their.stderr), `stderr of ${label}`);
    assert.equal(ours.code, their.code, `exit code of ${label}`);
    assert.deepEqual(ourEditor.seen().map(mask), theirEditor.seen().map(mask), `file of ${label}`);
    const left = async (ns: string): Promise<string> =>
      mask(await kubectlOk(['get', 'cm/x', '-o', 'yaml', '-n', ns]));
    assert.equal(await left(mine), await left(theirs), `object left by ${label}`);
  }
  const final = await kubectlOk(['get', 'cm/x', '-o', 'jsonpath={.data.a}', '-n', mine]);
  assert.equal(final, '10');
});

/**
 * `ktl create -f` with --edit, --raw, --save-config, -l and the print flags, side by side with
 * kubectl 1.34.4 on twin namespaces (the same scripted editor on each): stdout, stderr, exit
 * code, the files the editor was shown and the objects left behind.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { maskTwins, removeKeptCopies, scriptedEditor } from './editor-helpers.js';

const TWO = `apiVersion: v1
kind: ConfigMap
metadata: {name: c1, labels: {t: a}}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c2}
data: {k: v}
`;

const configMap = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {t: b}}\ndata: {k: v}\n`;

const EDIT = 's/k: v/k: e/';

interface Case {
  args: string[];
  passes?: string[];
}

test('create -f: --edit, --raw, --save-config, -l and the print flags as kubectl', async (t) => {
  const mine = await testNamespace(t, 'create-edit-m');
  const theirs = await testNamespace(t, 'create-edit-t');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-create-edit-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const two = file('two.yaml', TWO);
  const raw = file('raw.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"raw1"}}');
  const rawPath = (ns: string): string => `/api/v1/namespaces/${ns}/configmaps`;
  const cases: Case[] = [
    { args: ['-f', two, '--edit'], passes: [] },
    { args: ['-f', two, '--edit', '--windows-line-endings'], passes: [] },
    // Each object has an editor session of its own: one sed script each.
    { args: ['-f', two, '--edit', '-o', 'yaml', '--save-config'], passes: [EDIT, EDIT] },
    // -l and --dry-run do not apply to --edit: both objects are created again (and exist).
    { args: ['-f', two, '--edit', '-l', 't=a', '--dry-run=client'], passes: [EDIT, EDIT] },
    {
      args: ['-f', file('ed3.yaml', configMap('ed3')), '--edit', '-o', 'json'],
      passes: ['s/"k": "v"/"k": "j"/'],
    },
    { args: ['-f', file('ed4.yaml', configMap('ed4')), '--edit', '-o', 'name'] },
    { args: ['-f', two, '-l', 't=a', '--dry-run=client'] },
    { args: ['-f', two, '-l', 't=zz'] },
    { args: ['-f', two, '-l', 'a in (b'] },
    { args: ['-f', file('s1.yaml', configMap('s1')), '--save-config', '-o', 'yaml'] },
    {
      args: [
        '-f',
        file('s2.yaml', configMap('s2')),
        '--save-config=true',
        '--dry-run=client',
        '-o',
        'json',
      ],
    },
    { args: ['-f', file('s3.yaml', configMap('s3')), '-o', 'jsonpath={.metadata.name} {.data.k}'] },
    { args: ['-f', file('s4.yaml', configMap('s4')), '--template', '{{.metadata.name}}'] },
    { args: ['-f', file('s5.yaml', configMap('s5')), '-o', 'yaml', '--show-managed-fields'] },
    { args: ['-f', two, '-o', 'go-template'] },
    { args: ['-f', two, '-o', 'yaml', '--dry-run=server'] },
    { args: ['-f', raw, '--raw', 'RAW'] },
    { args: ['-f', raw, '--raw', 'RAW'] },
    { args: ['-f', raw, '--raw', 'RAW', '--edit'] },
    { args: ['-f', raw, '--raw', 'RAW', '-o', 'json'] },
    { args: ['-f', raw, '--raw', 'RAW', '-l', 'a=b'] },
    { args: ['-f', raw, '--raw', 'x y'] },
    { args: ['-f', raw, '-f', raw, '--raw', 'RAW'] },
    { args: ['-f', raw, '--raw', 'RAW', '-R'] },
    { args: ['-f', raw, 'extra'] },
  ];
  for (const { args, passes = [] } of cases) {
    const label = args.join(' ');
    const theirEditor = scriptedEditor(passes);
    const ourEditor = scriptedEditor(passes);
    t.after(() => {
      theirEditor.remove();
      ourEditor.remove();
    });
    const inNs = (ns: string): string[] => [
      'create',
      ...args.map((a) => (a === 'RAW' ? rawPath(ns) : a)),
      '-n',
      ns,
    ];
    const their = await kubectl(inNs(theirs), { env: theirEditor.env });
    const ours = await ktl(inNs(mine), { env: ourEditor.env });
    removeKeptCopies(their, ours);
    const mask = (text: string): string => maskTwins(text, mine, theirs);
    assert.equal(mask(ours.stdout), mask(their.stdout), `stdout of ${label}`);
    assert.equal(mask(ours.stderr), mask(their.stderr), `stderr of ${label}`);
    assert.equal(ours.code, their.code, `exit code of ${label}`);
    assert.deepEqual(ourEditor.seen().map(mask), theirEditor.seen().map(mask), `file of ${label}`);
  }
  const left = async (ns: string): Promise<string> =>
    maskTwins(
      await kubectlOk(['get', 'cm', '-n', ns, '-o', 'yaml', '--show-managed-fields']),
      mine,
      theirs,
    );
  assert.equal(await left(mine), await left(theirs));
  const names = await kubectlOk(['get', 'cm', '-n', mine, '-o', 'name']);
  assert.match(names, /configmap\/c1\n.*configmap\/c2\n.*configmap\/ed3\n/s);
  assert.match(names, /configmap\/raw1\n/);
});

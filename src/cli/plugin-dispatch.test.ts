import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { nonFlagIndexes } from './command-find.js';
import { pluginToRun } from './plugin-dispatch.js';
import { isBuiltinCommand, newRootCommand } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-dispatch-'));
after(() => rmSync(dir, { recursive: true, force: true }));
for (const name of ['kubectl-get', 'kubectl-foo', 'kubectl-create-widget', 'kubectl-help']) {
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
}
const env = { PATH: dir };
const createSubcommands = (): string[] => ['configmap', 'secret'];
const run = (args: string[]) =>
  pluginToRun(newRootCommand(), args, env, isBuiltinCommand, createSubcommands);

test('built-in commands always win', () => {
  assert.equal(run(['get', 'pods']), undefined);
  assert.equal(run(['create', 'configmap', 'x']), undefined);
  assert.equal(run([]), undefined);
});

test('an unknown command runs its plugin; create <unknown> runs kubectl-create-<x>', () => {
  assert.deepEqual(run(['foo', 'a']), { path: join(dir, 'kubectl-foo'), args: ['a'] });
  assert.deepEqual(run(['create', 'widget', '-n', 'x']), {
    path: join(dir, 'kubectl-create-widget'),
    args: ['-n', 'x'],
  });
  assert.equal(run(['create', '-f', 'x']), undefined);
});

test('help and completion requests never run plugins', () => {
  assert.equal(run(['help', 'x']), undefined);
  // kubectl names the command by the first word without a dash: here `x`, not `help`
  assert.throws(() => run(['-n', 'x', 'help']), /before plugin name: -n/);
  assert.equal(run(['__complete', 'foo']), undefined);
});

test('flags before an unknown command: kubectl refuses to look for a plugin', () => {
  assert.throws(() => run(['-n', 'x', 'foo']), /flags cannot be placed before plugin name: -n/);
  assert.throws(() => run(['--context=c', 'foo']), /before plugin name: --context=c/);
});

test("cobra's stripFlags: what takes a value, and the last-but-one rule", () => {
  const root = newRootCommand();
  const cobraStripFlags = (r: typeof root, args: string[]) =>
    nonFlagIndexes(r, args).map((i) => args[i]);
  assert.deepEqual(cobraStripFlags(root, ['-n', 'x', 'get', 'po']), ['get', 'po']);
  assert.deepEqual(cobraStripFlags(root, ['-n', 'x']), []);
  assert.deepEqual(cobraStripFlags(root, ['--insecure-skip-tls-verify', 'foo']), ['foo']);
  assert.deepEqual(cobraStripFlags(root, ['--unknown', 'foo', 'bar']), ['bar']);
  assert.deepEqual(cobraStripFlags(root, ['--', 'foo']), []);
});

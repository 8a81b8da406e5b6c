import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findPluginCommand, lookPath, pluginWords, scanPluginFiles } from './plugin-path.js';

const root = mkdtempSync(join(tmpdir(), 'ktl-plugin-path-'));
after(() => rmSync(root, { recursive: true, force: true }));

function plugin(dir: string, name: string, mode = 0o755): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

const first = plugin('a', 'kubectl-foo-bar');
const second = plugin('b', 'kubectl-foo');
const dashed = plugin('b', 'kubectl-my_tool');
const own = plugin('c', 'ktl-foo');
plugin('b', 'kubectl-not_exec', 0o644);
mkdirSync(join(root, 'b', 'kubectl-a-directory'));
const env = { PATH: [join(root, 'a'), join(root, 'b')].join(':') };

test('the longest run of words wins; the plugin gets the rest, flags included', () => {
  assert.deepEqual(findPluginCommand(['foo', 'bar', 'baz', '-n', 'x'], env), {
    path: first,
    args: ['baz', '-n', 'x'],
  });
  assert.deepEqual(findPluginCommand(['foo', 'baz'], env), { path: second, args: ['baz'] });
  assert.deepEqual(findPluginCommand(['foo', '--', 'bar'], env), {
    path: second,
    args: ['--', 'bar'],
  });
});

test('dashes inside a word are underscores in the file name', () => {
  assert.deepEqual(findPluginCommand(['my-tool', 'x'], env), { path: dashed, args: ['x'] });
  assert.equal(findPluginCommand(['my_tool'], env)?.path, dashed);
});

test('ktl-NAME comes before kubectl-NAME, whatever their lengths', () => {
  const withOwn = { PATH: `${env.PATH}:${join(root, 'c')}` };
  assert.deepEqual(findPluginCommand(['foo', 'bar'], withOwn), { path: own, args: ['bar'] });
});

test('a flag first is refused as kubectl refuses it; nothing found is undefined', () => {
  assert.throws(() => findPluginCommand(['-n', 'x', 'foo'], env), {
    message: 'flags cannot be placed before plugin name: -n',
  });
  assert.equal(findPluginCommand(['nothing', 'here'], env), undefined);
  assert.equal(findPluginCommand(['not-exec'], env), undefined);
  assert.equal(findPluginCommand(['a-directory'], env), undefined);
});

test('create plugins need at least two words', () => {
  const create = plugin('d', 'kubectl-create');
  const widget = plugin('d', 'kubectl-create-widget');
  const dirEnv = { PATH: join(root, 'd') };
  assert.deepEqual(findPluginCommand(['create', 'widget', 'x'], dirEnv, 2), {
    path: widget,
    args: ['x'],
  });
  assert.equal(findPluginCommand(['create', 'other'], dirEnv, 2), undefined);
  assert.equal(findPluginCommand(['create', 'other'], dirEnv)?.path, create);
});

test('lookPath reads PATH in order and skips what cannot run', () => {
  assert.equal(lookPath('kubectl-foo', env), second);
  assert.equal(lookPath('kubectl-not_exec', env), undefined);
  assert.equal(lookPath(second, {}), second);
});

test('the scan lists plugin files by directory, then name, once per directory', () => {
  const scan = scanPluginFiles({
    PATH: [join(root, 'a'), join(root, 'b'), join(root, 'a'), '', join(root, 'missing')].join(':'),
  });
  assert.deepEqual(scan.files, [first, second, dashed, join(root, 'b', 'kubectl-not_exec')]);
  assert.deepEqual(scan.unreadable, [
    {
      dir: join(root, 'missing'),
      reason: `open ${join(root, 'missing')}: no such file or directory`,
    },
  ]);
});

test('plugin words turn underscores back into dashes', () => {
  assert.deepEqual(pluginWords('/x/kubectl-foo-my_tool'), ['foo', 'my-tool']);
  assert.deepEqual(pluginWords('ktl-ns'), ['ns']);
});

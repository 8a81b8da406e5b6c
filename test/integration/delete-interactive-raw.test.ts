/**
 * delete -i/--interactive and delete --raw side by side with kubectl 1.34.4 in twin
 * namespaces: the listed objects and the prompt, the answers read from stdin (y, Y, n, nothing,
 * two words), the objects left afterwards, and --raw's DELETE of a path with an optional body
 * and kubectl's --raw errors.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { test } from 'node:test';
import { ktl, kubectl } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { kc, sameInTwins, twins } from './verbs-helpers.js';

/** The ConfigMaps left in a namespace, names only. */
async function configMaps(ns: string): Promise<string> {
  const result = await kubectl(['-n', ns, 'get', 'configmaps', '-o', 'name']);
  return result.stdout;
}

async function assertSameLeft(pair: Twins): Promise<void> {
  assert.equal(await configMaps(pair.mine), await configMaps(pair.theirs), 'objects left behind');
}

async function withConfigMaps(prefix: string): Promise<Twins> {
  return twins(prefix, async (ns) => {
    for (const name of ['a1', 'a2', 'b1'])
      await kc(ns, 'create', 'configmap', name, `--from-literal=k=${name}`);
    await kc(ns, 'label', 'configmap', 'a1', 'a2', 'group=a');
  });
}

test('delete -i lists the objects, asks, and deletes only on a lone y', async () => {
  const pair = await withConfigMaps('del-i');
  const answers: Array<[string[], string]> = [
    [['configmap', 'a1', 'a2'], 'n\n'],
    [['configmap', 'a1', 'a2'], ''],
    [['configmap', 'a1'], 'y y\n'],
    [['configmap', '-l', 'group=a'], 'yes\n'],
    [['configmap', '-l', 'nothing=here'], 'y\n'],
    [['configmap', 'a1', 'nope'], ' Y \n'],
    [['configmap', '-l', 'group=a', '--interactive'], 'y'],
  ];
  for (const [args, input] of answers) {
    await sameInTwins(pair, ['delete', '-i', ...args], { input });
    await assertSameLeft(pair);
  }
});

function deleteOptionsFile(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-delete-raw-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'options.json');
  writeFileSync(file, '{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}');
  return file;
}

test('delete --raw sends a DELETE to the path (with the file as its body) as kubectl', async (t) => {
  const pair = await withConfigMaps('del-raw');
  const file = deleteOptionsFile(t);
  const path = (ns: string, name: string): string => `/api/v1/namespaces/${ns}/configmaps/${name}`;
  const raw = async (name: string, extra: string[], input?: string): Promise<void> => {
    const theirs = await kubectl(['delete', '--raw', path(pair.theirs, name), ...extra], {
      ...(input === undefined ? {} : { input }),
    });
    const mine = await ktl(['delete', '--raw', path(pair.mine, name), ...extra], {
      ...(input === undefined ? {} : { input }),
    });
    const mask = (text: string): string =>
      text
        .replaceAll(pair.mine, 'NS')
        .replaceAll(pair.theirs, 'NS')
        .replace(/"uid":"[^"]+"/g, '"uid":"<uid>"');
    assert.equal(mask(mine.stdout), mask(theirs.stdout), `stdout of ${name} ${extra.join(' ')}`);
    assert.equal(mask(mine.stderr), mask(theirs.stderr.replaceAll('kubectl', 'ktl')));
    assert.equal(mine.code, theirs.code);
    await assertSameLeft(pair);
  };
  await raw('a1', ['-f', file]); // a server dry run: nothing deleted
  await raw('a1', ['-f', '-'], '{"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]}');
  await raw('a1', []);
  await raw('nope', []);
});

test('delete --raw errors as kubectl', async (t) => {
  const pair = await withConfigMaps('del-raw-err');
  const file = deleteOptionsFile(t);
  const cases = [
    ['delete', '--raw', '/api/v1/x', '-i'],
    ['delete', '--raw', '/api/v1/x', '-f', file, '-f', file],
    ['delete', '--raw', '/api/v1/x', '-f', 'https://example.invalid/x.json'],
    ['delete', '--raw', '/api/v1/x', '-R'],
    ['delete', '--raw', '/api/v1/x', '-o', 'name'],
    ['delete', '--raw', '/api/v1/x', '-o', 'yaml'],
    ['delete', '--raw', 'relative/path'],
    ['delete', 'configmap', 'a1', '-o', 'json'],
  ];
  for (const args of cases) await sameInTwins(pair, args);
  await assertSameLeft(pair);
});

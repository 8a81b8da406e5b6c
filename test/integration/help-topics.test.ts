/**
 * `help WORDS`, `--help` after an unknown command, and group commands run without (or with an
 * unknown) subcommand, side by side with kubectl: the same exit code, the same stream, and the
 * same error text; where both print a help, it is the help of the same command.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ktl, kubectl } from '../helpers/cluster.js';
import type { RunResult } from '../helpers/cluster.js';

const ours = (text: string): string => text.replaceAll('kubectl', 'ktl');

/** The first line of a help (the description), the same in both tools for these commands. */
const firstLine = (text: string): string => text.split('\n')[0] ?? '';

async function both(args: string[]): Promise<[RunResult, RunResult]> {
  return Promise.all([ktl(args), kubectl(args)]);
}

test('help WORDS prints the help of the command the words lead to, extra words ignored', async () => {
  for (const args of [
    ['help', 'config', 'view'],
    ['help', 'config', 'view', 'nosuch'],
    ['help', 'get', 'pods'],
    ['help', 'rollout', 'status'],
    ['help', 'set'],
    ['help', 'set', 'image'],
  ]) {
    const [mine, theirs] = await both(args);
    assert.equal(mine.code, theirs.code, args.join(' '));
    assert.equal(mine.stderr, '');
    const path = args.filter((a) => !['help', 'nosuch', 'pods'].includes(a));
    const direct = await ktl([...path, '--help']);
    assert.equal(mine.stdout, direct.stdout, args.join(' '));
    assert.equal(firstLine(mine.stdout), firstLine(ours(theirs.stdout)), args.join(' '));
  }
});

test('help with an unknown topic: the topic and the root usage on stderr, exit 0', async () => {
  for (const args of [
    ['help', 'nosuch'],
    ['help', 'nosuch', 'more'],
  ]) {
    const [mine, theirs] = await both(args);
    assert.equal(mine.code, 0);
    assert.equal(theirs.code, 0);
    assert.equal(mine.stdout, '');
    const topic = (text: string): string => text.split('\n').slice(0, 4).join('\n');
    assert.equal(topic(mine.stderr), topic(theirs.stderr));
    const root = await ktl(['--help']);
    assert.ok(root.stdout.endsWith(mine.stderr.slice(mine.stderr.indexOf('\n\n\n') + 3)));
  }
});

test('--help after an unknown command is the unknown command error', async () => {
  const [mine, theirs] = await both(['nosuch', '--help']);
  assert.equal(theirs.code, 1);
  assert.deepEqual(
    { code: mine.code, stdout: mine.stdout, stderr: mine.stderr },
    { code: 1, stdout: '', stderr: ours(theirs.stderr) },
  );
  // the root help when --help comes first, as in kubectl (the word is its value to cobra)
  const [first, theirFirst] = await both(['--help', 'nosuch']);
  assert.equal(first.code, theirFirst.code);
  assert.equal(firstLine(first.stdout), firstLine((await ktl(['--help'])).stdout));
});

test('a group with an unknown subcommand fails as kubectl: unknown command and the help hint', async () => {
  for (const args of [
    ['config', 'nosuch'],
    ['set', 'nosuch'],
    ['config', 'vew'],
    ['rollout', 'nosuch'],
    ['auth', 'nosuch', 'more'],
    ['top', 'nosuch'],
    ['create', 'secret', 'nosuch'],
    ['create', 'service', 'nosuch'],
    ['plugin', 'nosuch'],
  ]) {
    const [mine, theirs] = await both(args);
    assert.deepEqual(
      { code: mine.code, stdout: mine.stdout, stderr: mine.stderr },
      { code: theirs.code, stdout: '', stderr: ours(theirs.stderr) },
      args.join(' '),
    );
  }
});

test('a group run alone prints its help where kubectl does, with its exit code', async () => {
  for (const args of [
    ['config'],
    ['set'],
    ['rollout'],
    ['auth'],
    ['top'],
    ['certificate'],
    ['certificate', 'nosuch'],
    ['create', 'secret'],
    ['create', 'service'],
    ['plugin'],
  ]) {
    const [mine, theirs] = await both(args);
    const label = args.join(' ');
    assert.equal(mine.code, theirs.code, label);
    assert.equal(mine.stdout === '', theirs.stdout === '', `${label}: stdout`);
    assert.equal(mine.stderr === '', theirs.stderr === '', `${label}: stderr`);
    const help = (await ktl([...args.filter((a) => a !== 'nosuch'), '--help'])).stdout;
    assert.equal(mine.stdout || mine.stderr, help, label);
  }
});

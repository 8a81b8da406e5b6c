/**
 * Side-by-side helpers for the everyday verbs: the same command through ktl and kubectl, on
 * the same objects (read-only verbs) or on twin namespaces set up identically (mutating verbs).
 */
import assert from 'node:assert/strict';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, normalizeAges, testNamespace } from '../helpers/cluster.js';

/** Hooks to clean up after a describe block (namespaces are deleted at process exit). */
export const atExit = {
  after: (fn: () => unknown): void => void process.on('exit', () => void fn()),
};

/** Asserts equal stdout, stderr and exit code, after normalising both. */
export function assertSame(
  mine: RunResult,
  theirs: RunResult,
  what: string,
  normalise = normalizeAges,
): void {
  assert.equal(normalise(mine.stdout), normalise(theirs.stdout), `stdout of ${what}`);
  assert.equal(
    normalise(mine.stderr),
    normalise(theirs.stderr.replaceAll('kubectl', 'ktl')),
    `stderr of ${what}`,
  );
  assert.equal(mine.code, theirs.code, `exit code of ${what}`);
}

/**
 * Runs a read-only command with kubectl, ktl, then kubectl again, and compares ktl's output with
 * kubectl's when both kubectl runs agree: objects that change on their own (node heartbeats,
 * controller status) must not make the comparison flaky. Up to three tries.
 */
export async function same(args: string[], normalise = normalizeAges): Promise<RunResult> {
  let theirs = await kubectl(args);
  let mine = await ktl(args);
  for (let attempt = 0; attempt < 3; attempt++) {
    const again = await kubectl(args);
    if (normalise(again.stdout) === normalise(theirs.stdout)) break;
    theirs = again;
    mine = await ktl(args);
  }
  assertSame(mine, theirs, args.join(' '), normalise);
  return mine;
}

/** Two namespaces set up identically: kubectl acts in `theirs`, ktl in `mine`. */
export interface Twins {
  mine: string;
  theirs: string;
}

/** Creates twin namespaces and runs the same kubectl setup in each. */
export async function twins(prefix: string, setup: (ns: string) => Promise<void>): Promise<Twins> {
  const mine = await testNamespace(atExit, `${prefix}-m`);
  const theirs = await testNamespace(atExit, `${prefix}-t`);
  await Promise.all([setup(mine), setup(theirs)]);
  return { mine, theirs };
}

/** Runs a mutating command in each twin (kubectl first) and compares with namespaces masked. */
export async function sameInTwins(
  pair: Twins,
  args: string[],
  extra: Partial<{ input: string }> = {},
): Promise<RunResult> {
  const theirs = await kubectl(['-n', pair.theirs, ...args], extra);
  const mine = await ktl(['-n', pair.mine, ...args], extra);
  const mask = (text: string): string =>
    maskVolatile(text.replaceAll(pair.theirs, 'NS').replaceAll(pair.mine, 'NS'));
  assertSame(mine, theirs, args.join(' '), mask);
  return mine;
}

/** kubectl that must succeed, in a namespace. */
export function kc(ns: string, ...args: string[]): Promise<string> {
  return kubectlOk(['-n', ns, ...args]);
}

/** Masks what differs between twin objects: ages, uids, timestamps, resource versions, generated names. */
export function maskVolatile(text: string): string {
  const stable = text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
  return normalizeAges(stable)
    .replace(/(resourceVersion"?: "?)\d+/g, '$1<rv>')
    .replace(/(resource version to be \d+, was )\d+/g, '$1<rv>')
    .replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-<x>')
    .replace(/-[a-z0-9]{8,10}-[a-z0-9]{5}\b/g, '-<hash>-<x>')
    .replace(/(following declared \w+\(s\): )(.*)$/gm, (_, head: string, items: string) => {
      // kubectl lists the clashing keys in Go map order (random); ktl in argument order
      return head + items.split('; ').sort().join('; ');
    });
}

/** `cluster-info dump` side by side with kubectl on a namespace of its own. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, testNamespace, viewerKubeconfig } from '../helpers/cluster.js';
import { assertSame, atExit, kc, maskVolatile } from './verbs-helpers.js';

const mask = (text: string): string => maskVolatile(text).replace(/"\d+"/g, '"<n>"');

/** Runs kubectl, ktl, kubectl; compares when both kubectl runs agree (node heartbeats move). */
async function sameDump(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  let theirs = await kubectl(args, { env });
  let mine = await ktl(args, { env });
  for (let attempt = 0; attempt < 3; attempt++) {
    const again = await kubectl(args, { env });
    if (mask(again.stdout) === mask(theirs.stdout)) break;
    theirs = again;
    mine = await ktl(args, { env });
  }
  assertSame(mine, theirs, args.join(' '), mask);
  return mine;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      statSync(join(dir, name)).isDirectory()
        ? filesUnder(join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    );
}

describe('cluster-info dump matches kubectl', () => {
  let ns: string;
  before(async () => {
    ns = await testNamespace(atExit, 'sweep-dump');
    await kc(ns, 'create', 'deployment', 'web', '--image=nginx:1.27');
    await kc(ns, 'run', 'solo', '--image=busybox');
    await kc(ns, 'wait', '--for=condition=Ready', 'pod', '--all', '--timeout=60s');
  });

  test('to stdout as json (typed lists, null for empty ones) and as yaml, with pod logs', async () => {
    const json = await sameDump(['cluster-info', 'dump', '--namespaces', ns]);
    assert.match(json.stdout, /"kind": "DaemonSetList",\n {4}"apiVersion": "apps\/v1",/);
    assert.match(json.stdout, /==== START logs for container solo of pod /);
    await sameDump(['cluster-info', 'dump', '--namespaces', `${ns},kube-system`, '-o', 'yaml']);
    await sameDump(['cluster-info', 'dump', '-n', ns]);
  });

  test('--output-directory writes the same files and says where', async () => {
    const theirs = mkdtempSync(join(tmpdir(), 'dump-k-'));
    const mine = mkdtempSync(join(tmpdir(), 'dump-m-'));
    const args = ['cluster-info', 'dump', '--namespaces', ns, '--output-directory'];
    const k = await kubectl([...args, theirs]);
    const m = await ktl([...args, mine]);
    assert.equal(m.stdout.replace(mine, 'DIR'), k.stdout.replace(theirs, 'DIR'));
    assert.deepEqual(filesUnder(mine), filesUnder(theirs));
    const read = (dir: string, file: string): string => mask(readFileSync(join(dir, file), 'utf8'));
    for (const file of [`${ns}/pods.json`, `${ns}/deployments.json`, `${ns}/solo/logs.txt`])
      assert.equal(read(mine, file), read(theirs, file), file);
  });

  test('errors: an unknown format, and a viewer who may not list nodes', async () => {
    await sameDump(['cluster-info', 'dump', '-o', 'wide']);
    await sameDump(['cluster-info', 'dump', '--namespaces', ns], { KUBECONFIG: viewerKubeconfig });
  });
});

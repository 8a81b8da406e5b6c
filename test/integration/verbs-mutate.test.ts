import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ktl, kubectl } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { kc, sameInTwins, twins } from './verbs-helpers.js';

/** The same objects in each twin namespace. */
async function setup(ns: string): Promise<void> {
  await kc(ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2');
  await kc(ns, 'create', 'configmap', 'cfg', '--from-literal=a=1');
  await kc(ns, 'run', 'p1', '--image=busybox', '--labels=app=p1');
  await kc(ns, 'run', 'p2', '--image=busybox', '--labels=app=p2');
}

describe('label, annotate, patch and scale match kubectl', () => {
  let pair: Twins;
  before(async () => {
    pair = await twins('verbs-mut', setup);
  });

  test('label: set, overwrite error, --overwrite, not labeled, remove, missing key, --list', async () => {
    for (const args of [
      ['label', 'pod', 'p1', 'app=x'],
      ['label', 'pod', 'p1', 'app=x', '--overwrite'],
      ['label', 'pod', 'p1', 'app=x', '--overwrite'],
      ['label', 'pod', 'p1', 'app-'],
      ['label', 'pod', 'p1', 'app-'],
      ['label', 'pod', 'p1', 'a=1', 'b=2'],
      ['label', 'pod', 'p1', 'a=1', 'a-'],
      ['label', 'pod', 'p1', 'a=b=c'],
      ['label', 'pod', 'p1', 'a=b c'],
      ['label', 'pod', 'p1'],
      ['label', 'pods', 'x=1'],
      ['label'],
      ['label', 'pod', 'nope', 'a=b'],
      ['label', 'pods', '--all', 'tier=fe'],
      ['label', 'pods', '-l', 'app=p2', 'tier=be', '--overwrite', '-o', 'name'],
      ['label', 'pod', 'p1', 'c=1', '--dry-run=client'],
      ['label', 'pod', 'p1', 'tier-', '--dry-run=server'],
      ['label', 'pod', 'p1', 'c=1', '--resource-version=1'],
      ['label', 'pod', 'p1', 'c=1', '-o', 'jsonpath={.metadata.labels}'],
    ])
      await sameInTwins(pair, args);
  });

  test('label: several keys needing --overwrite (kubectl prints them in map order)', async () => {
    const theirs = await kubectl(['-n', pair.theirs, 'label', 'pod', 'p1', 'a=9', 'b=9']);
    const mine = await ktl(['-n', pair.mine, 'label', 'pod', 'p1', 'a=9', 'b=9']);
    const sorted = (text: string): string => text.trim().split('\n').sort().join('\n');
    assert.equal(mine.code, theirs.code);
    assert.equal(sorted(mine.stderr), sorted(theirs.stderr));
    assert.equal(mine.stderr.split('\n').length, 3, 'one line per key');
  });

  test('label --list of one object: the same keys as kubectl (kubectl prints them in map order)', async () => {
    const theirs = await kubectl(['-n', pair.theirs, 'label', 'pod', 'p1', '--list']);
    const mine = await ktl(['-n', pair.mine, 'label', 'pod', 'p1', '--list']);
    const sorted = (text: string): string => text.trim().split('\n').sort().join('\n');
    assert.equal(mine.code, theirs.code);
    assert.equal(mine.stdout, `${sorted(theirs.stdout)}\n`, 'ktl sorts the keys');
  });

  test('label --list of several objects (keys sorted by ktl; kubectl uses map order)', async () => {
    const out = await ktl(['-n', pair.mine, 'label', 'pods', '--all', '--list']);
    assert.match(
      out.stdout,
      /^Listing labels for Pod\.\/p1:\n( \S+=\S*\n)+Listing labels for Pod\.\/p2:\n/,
    );
  });

  test('annotate: set, overwrite error, remove, --list', async () => {
    for (const args of [
      ['annotate', 'pod', 'p1', 'n1=a', 'n2=b'],
      ['annotate', 'pod', 'p1', 'n1=x', 'n2=y'],
      ['annotate', 'pod', 'p1', 'n1=x', '--overwrite'],
      ['annotate', 'pod', 'p1', 'n2-'],
      ['annotate', 'pod', 'p1', '--list'],
      ['annotate', 'pod', 'p1', 'n=1', 'n-'],
      ['annotate', 'pods', '--all', '-l', 'app=p1', 'x=1'],
      ['annotate', 'cm', 'cfg', 'x=1', '-o', 'yaml'],
    ])
      await sameInTwins(pair, args);
  });

  test('patch: strategic, merge, json, no change, errors, --patch-file, dry runs, subresource', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktl-patch-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'spec:\n  replicas: 3\n');
    for (const args of [
      ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}'],
      [
        'patch',
        'deploy',
        'web',
        '-p',
        '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:2"}]}}}}',
      ],
      ['patch', 'deploy', 'web', '--type', 'merge', '-p', '{"metadata":{"labels":{"x":"1"}}}'],
      [
        'patch',
        'deploy',
        'web',
        '--type',
        'json',
        '-p',
        '[{"op":"replace","path":"/spec/replicas","value":1}]',
      ],
      ['patch', 'deploy', 'web', '--patch-file', file],
      ['patch', 'deploy', 'web', '--patch-file', join(dir, 'missing')],
      ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":-1}}'],
      ['patch', 'deploy', 'web', '-p', 'notjson'],
      ['patch', 'deploy', 'web'],
      ['patch', 'deploy', 'web', '-p', '{}', '--type', 'foo'],
      ['patch', 'deploy', 'nope', '-p', '{}'],
      ['patch', 'deploy', 'web', 'nope', '-p', '{}'],
      [
        'patch',
        'cm',
        'cfg',
        '--type',
        'merge',
        '-p',
        '{"data":{"a":"2"}}',
        '--dry-run=client',
        '-o',
        'yaml',
      ],
      ['patch', 'cm', 'cfg', '-p', '{"data":{"b":"2"}}', '--dry-run=server'],
      ['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":2}}'],
      ['patch', 'deploy', 'web', '--subresource=scale', '-p', '{"spec":{"replicas":2}}'],
      ['patch', 'deploy', 'web', '-p', '{}', '-o', 'name'],
    ])
      await sameInTwins(pair, args);
  });

  test('scale: --replicas, preconditions, -l/--all, errors, --timeout', async () => {
    for (const args of [
      ['scale', 'deploy', 'web', '--replicas=3'],
      ['scale', 'deploy/web', '--replicas=2', '--current-replicas=5'],
      ['scale', 'deploy/web', '--replicas=2', '--current-replicas=3'],
      ['scale', 'deploy', 'web'],
      ['scale', 'deploy', 'web', '--replicas=-2'],
      ['scale', 'deploy', '--replicas=2'],
      ['scale', '--replicas=2'],
      ['scale', 'deploy', '--all', '--replicas=1', '-o', 'name'],
      ['scale', 'cm', 'cfg', '--replicas=1'],
      ['scale', 'deploy', 'nope', '--replicas=1'],
      ['scale', 'deploy', 'web', '--replicas=2', '--resource-version=1'],
      ['scale', 'deploy', 'web', '--replicas=4', '--dry-run=server'],
      ['scale', 'deploy', 'web', '--replicas=3', '--timeout=30s'],
    ])
      await sameInTwins(pair, args);
    const replicas = await kc(
      pair.mine,
      'get',
      'deploy',
      'web',
      '-o',
      'jsonpath={.status.replicas}',
    );
    assert.equal(replicas, '3', 'scale --timeout waited until status.replicas matched');
  });
});

/**
 * `set image` side by side with kubectl: every form and refusal prints the same stdout, stderr
 * and exit code, and the workloads hold the same pod templates afterwards.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testNamespace } from '../helpers/cluster.js';
import { bothTools, leftBehind, makeWorkloads, PREFIXES } from './set-helpers.js';

test('set image: forms, refusals and what is left, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-set-image');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-image-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await makeWorkloads(ns, dir);
  const file = join(dir, 'OBJd3.yaml');
  const steps: string[][] = [
    ['set', 'image', 'deploy/OBJd1', 'nginx=nginx:2'],
    ['set', 'image', 'deploy/OBJd1', 'nginx=nginx:2'],
    ['set', 'image', 'deploy/OBJd1', 'nope=x'],
    ['set', 'image', 'svc/OBJs1', 'a=b'],
    ['set', 'image', 'deploy/OBJd1', 'svc/OBJs1', 'nginx=n:3'],
    ['set', 'image', 'deploy/OBJd1'],
    ['set', 'image', 'deploy/OBJd1', '*=x', 'a=b'],
    ['set', 'image', '--local', 'deploy/OBJd1', 'a=b'],
    ['set', 'image', '--local', '-f', file, 'nginx=n:1'],
    ['set', 'image', '--local', '-f', file, 'nginx=n:1', '-o', 'yaml'],
    ['set', 'image', '--local', '-f', file, 'nginx=n:1', '--dry-run=server'],
    ['set', 'image', '-f', file, 'nginx=n:1'],
    [
      'set',
      'image',
      'deploy/OBJd1',
      'nginx=b:4',
      '--dry-run=client',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    ],
    ['set', 'image', 'deploy/OBJd1', 'nginx=b:5', '--dry-run=server'],
    ['set', 'image', 'deploy/nosuch', 'a=b'],
    ['set', 'image', 'deploy/OBJd1', 'deploy/nosuch', 'nginx=b:6'],
    ['set', 'image', 'deploy/OBJd1', 'deploy/OBJd2', 'nope=x'],
    ['set', 'image', 'svc/OBJs1', 'deploy/OBJd1', 'deploy/OBJd2', 'nope=x'],
    ['set', 'image', 'nginx=x'],
    ['set', 'image', 'deploy', 'OBJd1', 'nginx=b:8', '-o', 'name'],
    ['set', 'image', 'deploy/OBJd2', 'busybox=b:9', 'nginx=x'],
    ['set', 'image', 'deploy/OBJd1', 'nginx=b:10', 'deploy/OBJd2'],
    ['set', 'image', 'deploy/OBJd1', 'nginx'],
    ['set', 'image', 'deploy', '-l', 'app=OBJd2', '*=all:1'],
    ['set', 'image', 'deploy', '-l', 'app=OBJd2', '--all', '*=all:1'],
    ['set', 'image', 'deploy/OBJd1', 'nginx=b:11', '-o', 'wide'],
    ['set', 'image', 'deploy/OBJd1', 'nginx=b:12', '--dry-run=client', '-o', 'name'],
  ];
  for (const step of steps) {
    const { ours, theirs } = await bothTools(ns, step);
    assert.deepEqual(ours, theirs, step.join(' '));
  }
  assert.equal(await leftBehind(ns, PREFIXES.ktl), await leftBehind(ns, PREFIXES.kubectl));
});

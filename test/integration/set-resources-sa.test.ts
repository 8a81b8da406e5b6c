/**
 * `set resources` and `set serviceaccount` side by side with kubectl: each form and refusal
 * prints the same stdout, stderr and exit code, and the pod templates end up the same.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testNamespace } from '../helpers/cluster.js';
import { bothTools, leftBehind, makeWorkloads, PREFIXES } from './set-helpers.js';

const RESOURCES = '{.spec.template.spec.containers[0].resources}';

test('set resources and set serviceaccount: forms, refusals and what is left, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-set-rs');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-rs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await makeWorkloads(ns, dir);
  const file = join(dir, 'OBJd3.yaml');
  const steps: string[][] = [
    [
      'set',
      'resources',
      'deploy/OBJd1',
      '--limits=cpu=0.5,memory=1024Mi',
      '-o',
      `jsonpath=${RESOURCES}`,
    ],
    ['set', 'resources', 'deploy/OBJd1', '--limits=cpu=0.5,memory=1024Mi'],
    ['set', 'resources', 'deploy/OBJd1', '--limits=cpu=abc'],
    ['set', 'resources', 'deploy/OBJd1', '--limits=cpu'],
    ['set', 'resources', 'deploy/OBJd1', '--limits=foo=1'],
    ['set', 'resources', 'deploy/OBJd1', '-c', 'ng*', '--requests=cpu=100m', '-o', 'name'],
    ['set', 'resources', 'deploy/OBJd1', '-c', 'nope', '--requests=cpu=1'],
    ['set', 'resources', 'svc/OBJs1', '--requests=cpu=1'],
    [
      'set',
      'resources',
      'deploy/OBJd1',
      'svc/OBJs1',
      'deploy/OBJd2',
      '-c',
      'nope',
      '--requests=cpu=1',
    ],
    ['set', 'resources', '-f', file, '--local', '--limits=cpu=1', '--dry-run=server'],
    ['set', 'resources', '-f', file, '--local', '--limits=cpu=1,memory=1G', '-o', 'yaml'],
    ['set', 'resources', 'deploy/OBJd1', '--all', '--limits=cpu=1'],
    ['set', 'resources', 'deploy/OBJd1'],
    ['set', 'resources', 'deploy', '--all', '-l', 'a=b', '--limits=cpu=1'],
    ['set', 'resources', 'deploy', '-l', 'app=OBJd2', '--requests=memory=1Mi', '--dry-run=server'],
    [
      'set',
      'resources',
      'deploy',
      '-l',
      'app=OBJd2',
      '--requests=memory=1Mi',
      '--dry-run=client',
      '-o',
      'name',
    ],
    ['set', 'resources', 'deploy/OBJd2', '--requests=cpu=1', '--limits=cpu=500m'],
    ['set', 'sa'],
    ['set', 'sa', 'x', '--local'],
    ['set', 'sa', '-f', file, 'x', '--local', '--dry-run=server'],
    ['set', 'sa', '-f', file, 'x', '--local'],
    ['set', 'sa', 'deploy/OBJd1', 'sa1'],
    ['set', 'sa', 'deploy/OBJd1', 'sa1'],
    ['set', 'sa', 'deploy/OBJd1'],
    ['set', 'sa', 'deploy/OBJd1', 'a', 'b'],
    ['set', 'sa', 'svc/OBJs1', 'x'],
    ['set', 'sa', 'deploy/OBJd1', 'sa1', '-l', 'a=b'],
    [
      'set',
      'serviceaccount',
      'deploy',
      'OBJd1',
      'OBJd2',
      'sa2',
      '-o',
      'jsonpath={.spec.template.spec.serviceAccountName}',
    ],
    ['set', 'sa', 'deploy', '-l', 'app=OBJd1', 'sa3', '--dry-run=server'],
    ['set', 'sa', 'deploy/nosuch', 'sa3'],
    ['set', 'sa', 'deploy/OBJd1', 'Bad_Name'],
  ];
  for (const step of steps) {
    const { ours, theirs } = await bothTools(ns, step);
    assert.deepEqual(ours, theirs, step.join(' '));
  }
  assert.equal(await leftBehind(ns, PREFIXES.ktl), await leftBehind(ns, PREFIXES.kubectl));
});

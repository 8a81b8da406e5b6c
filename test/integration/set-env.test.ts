/**
 * `set env` side by side with kubectl: KEY=VALUE, KEY-, -e, --list, --from a ConfigMap or
 * Secret (--keys, --prefix), -c, --overwrite=false, --local, dry runs and every refusal print
 * the same stdout, stderr and exit code, and the pod templates end up the same.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testNamespace } from '../helpers/cluster.js';
import { bothTools, leftBehind, makeWorkloads, PREFIXES } from './set-helpers.js';

test('set env: forms, refusals and what is left, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-set-env');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-env-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await makeWorkloads(ns, dir);
  const file = join(dir, 'OBJd3.yaml');
  const steps: string[][] = [
    ['create', 'cm', 'OBJcm', '--from-literal=a.b=1', '--from-literal=k1=2'],
    ['create', 'secret', 'generic', 'OBJsec', '--from-literal=S=x'],
    ['set', 'env', 'deploy/OBJd1', 'A=1', 'B=2'],
    ['set', 'env', 'deploy/OBJd1', 'A=1'],
    ['set', 'env', 'deploy/OBJd1', 'A=3', '--overwrite=false'],
    ['set', 'env', 'deploy/OBJd1', 'A-'],
    ['set', 'env', 'deploy/OBJd1', '--list'],
    // one key at a time: kubectl reads a ConfigMap's keys in Go's random map order
    ['set', 'env', 'deploy/OBJd1', '--from=configmap/OBJcm', '--keys=a.b'],
    ['set', 'env', 'deploy/OBJd1', '--from=configmap/OBJcm', '--keys=k1', '--prefix=CM_'],
    ['set', 'env', 'deploy/OBJd1', '--from=secret/OBJsec', '--prefix=P_'],
    ['set', 'env', 'deploy/OBJd1', '--list'],
    ['set', 'env', 'deploy/OBJd1', '1FOO=x'],
    ['set', 'env', 'deploy/OBJd1', 'A=1', 'A-'],
    ['set', 'env', 'deploy/OBJd1', '-c', 'nope', 'X=1'],
    ['set', 'env', 'deploy/OBJd1', '--keys=a'],
    ['set', 'env', 'deploy/OBJd1', '--from=pod/x'],
    ['set', 'env', 'deploy/OBJd1', '--from=svc/OBJs1'],
    ['set', 'env', 'deploy/OBJd1', '--list', '-o', 'yaml'],
    ['set', 'env', 'svc/OBJs1', 'A=1'],
    [
      'set',
      'env',
      'deploy/OBJd1',
      '-e',
      'Z=9',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].env}',
    ],
    ['set', 'env', 'A=1'],
    ['set', 'env', 'deploy/OBJd1', 'A=1', 'deploy/OBJd2'],
    ['set', 'env', 'deploy/OBJd1', 'deploy/OBJd2', 'C=3', '--dry-run=server'],
    ['set', 'env', 'deploy/OBJd1', 'deploy/OBJd2', 'C=3', '--dry-run=client', '-o', 'name'],
    ['set', 'env', '-f', file, '--local', 'E=1', '-o', 'yaml'],
    ['set', 'env', '-f', file, '--local', 'E=1', '--dry-run=server'],
    ['set', 'env', 'deploy/OBJd1', 'deploy/OBJd2', '-c', 'n*', 'D=4'],
    ['set', 'env', 'deploy/OBJd2', 'B=1', '--overwrite=false'],
    ['set', 'env', 'deploy/OBJd2', 'NOPE-'],
    ['set', 'env', 'deploy/OBJd1', '-e', 'bad'],
    ['set', 'env', 'deploy', '-l', 'app=OBJd2', '--all', 'X=1'],
  ];
  for (const step of steps) {
    const { ours, theirs } = await bothTools(ns, step);
    assert.deepEqual(ours, theirs, step.join(' '));
  }
  assert.equal(await leftBehind(ns, PREFIXES.ktl), await leftBehind(ns, PREFIXES.kubectl));
});

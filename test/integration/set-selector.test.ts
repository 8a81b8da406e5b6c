/**
 * `set selector` side by side with kubectl: a Service's selector replaced (even when
 * unchanged), set operators and other kinds refused, --resource-version's conflict.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testNamespace } from '../helpers/cluster.js';
import { bothTools, leftBehind, makeWorkloads, PREFIXES } from './set-helpers.js';

test('set selector: forms, refusals and what is left, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-set-selector');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-selector-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await makeWorkloads(ns, dir);
  const steps: string[][] = [
    ['set', 'selector', 'svc/OBJs1', 'app=x,tier=y'],
    ['set', 'selector', 'svc/OBJs1', 'app=x,tier=y'],
    ['set', 'selector', 'svc/OBJs1', 'app=z'],
    ['set', 'selector', 'svc/OBJs1'],
    ['set', 'selector'],
    ['set', 'selector', 'deploy/OBJd1', 'a=b'],
    ['set', 'selector', 'svc/OBJs1', 'app in (a,b)'],
    ['set', 'selector', 'svc/OBJs1', 'a!=b'],
    ['set', 'selector', 'svc/OBJs1', 'bad=x=y'],
    ['set', 'selector', 'svc/OBJs1', 'app=q', '--resource-version=1'],
    ['set', 'selector', 'svc/OBJs1', 'app=w', '--dry-run=client', '-o', 'name'],
    ['set', 'selector', '--local', '-f', join(dir, 'OBJd3.yaml'), 'a=b'],
    [
      'set',
      'selector',
      'svc/OBJs1',
      'app=v',
      '--dry-run=server',
      '-o',
      'jsonpath={.spec.selector}',
    ],
    ['set', 'selector', 'deploy/OBJd1', 'svc/OBJs1', 'a=b'],
  ];
  for (const step of steps) {
    const { ours, theirs } = await bothTools(ns, step);
    assert.deepEqual(ours, theirs, step.join(' '));
  }
  assert.equal(await leftBehind(ns, PREFIXES.ktl), await leftBehind(ns, PREFIXES.kubectl));
});

/**
 * `set subject` side by side with kubectl: users, groups and service accounts added sorted
 * and once, kubectl's refusals, and its own --user that shadows the global one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testNamespace } from '../helpers/cluster.js';
import { bothTools, leftBehind, makeWorkloads, PREFIXES } from './set-helpers.js';

test('set subject: forms, refusals and what is left, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-set-subject');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-subject-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await makeWorkloads(ns, dir);
  const steps: string[][] = [
    ['create', 'rolebinding', 'OBJrb', '--clusterrole=view', '--user=bob'],
    [
      'set',
      'subject',
      'rolebinding/OBJrb',
      '--user=alice',
      '--user=alice',
      '--group=g1',
      '--serviceaccount=:sa1',
    ],
    ['set', 'subject', 'rolebinding/OBJrb', '--user=alice'],
    ['set', 'subject', 'rolebinding/OBJrb'],
    ['set', 'subject', 'rolebinding/OBJrb', '--serviceaccount=bad'],
    ['set', 'subject', 'deploy/OBJd1', '--user=x'],
    ['set', 'subject', 'rolebinding/OBJrb', '--user=bob', '-o', 'yaml'],
    [
      'set',
      'subject',
      'rolebinding/OBJrb',
      '--serviceaccount=ns2:sa2',
      '-o',
      'jsonpath={.subjects}',
    ],
    [
      'set',
      'subject',
      'rolebinding/OBJrb',
      '--user=x,y',
      '--dry-run=client',
      '-o',
      'jsonpath={.subjects[*].name}',
    ],
    ['set', 'subject', 'rolebinding/OBJrb', '--user', 'z', '--user=w', '--dry-run=server'],
    ['set', 'subject', 'rolebinding', 'OBJrb', '--group=b', '--group=a', '-o', 'name'],
    ['set', 'subject', 'rolebinding/nosuch', '--user=a'],
    ['set', 'subject', 'deploy/OBJd1', 'rolebinding/OBJrb', '--user=q'],
  ];
  for (const step of steps) {
    const { ours, theirs } = await bothTools(ns, step);
    assert.deepEqual(ours, theirs, step.join(' '));
  }
  assert.equal(await leftBehind(ns, PREFIXES.ktl), await leftBehind(ns, PREFIXES.kubectl));
});

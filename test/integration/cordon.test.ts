/**
 * `cordon` / `uncordon` side by side with kubectl: the same sequence of commands on two node
 * pairs of their own prints the same stdout, stderr and exit codes, and leaves the nodes in the
 * same state after every step.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl } from '../helpers/cluster.js';
import { testNodes } from '../helpers/nodes.js';

type Step = (a: string, b: string, group: string) => string[];

const steps: Step[] = [
  () => ['cordon'],
  (a) => ['cordon', a, '-l', 'x=y'],
  (a) => ['cordon', a, 'nosuch-node-ktl'],
  () => ['cordon', '-l', 'nosuch=label'],
  (a) => ['cordon', `node/${a}`, '--dry-run=client'],
  (a) => ['cordon', a, '--dry-run=server'],
  (a) => ['cordon', a],
  (a) => ['cordon', a],
  (a, b) => ['cordon', a, b],
  (_a, _b, group) => ['uncordon', '-l', `ktl-test-nodes=${group}`],
  (a) => ['uncordon', `no/${a}`],
  () => ['cordon', 'pod/nosuch-pod-ktl'],
  (a) => ['cordon', 'nodes', a],
  (a) => ['uncordon', a, '--dry-run=bogus'],
];

function normal(result: RunResult, names: string[], group: string): RunResult {
  const fix = (text: string): string =>
    text
      .replaceAll(names[0] ?? '', 'NODE_A')
      .replaceAll(names[1] ?? '', 'NODE_B')
      .replaceAll(group, 'GROUP')
      .replaceAll("'kubectl ", "'ktl ");
  return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
}

async function unschedulable(names: string[]): Promise<string> {
  return kubectlOk([
    'get',
    'nodes',
    ...names,
    '-o',
    'jsonpath={range .items[*]}{.spec.unschedulable}{","}{end}',
  ]);
}

test('cordon and uncordon behave as kubectl, output and node state', async (t) => {
  const ours = await testNodes(t, 2);
  const theirs = await testNodes(t, 2);
  for (const step of steps) {
    const args = (nodes: { names: string[]; group: string }): string[] =>
      step(nodes.names[0] ?? '', nodes.names[1] ?? '', nodes.group);
    const got = normal(await ktl(args(ours)), ours.names, ours.group);
    const want = normal(await kubectl(args(theirs)), theirs.names, theirs.group);
    const label = args(theirs).join(' ');
    assert.deepEqual(got, want, label);
    assert.equal(await unschedulable(ours.names), await unschedulable(theirs.names), label);
  }
});

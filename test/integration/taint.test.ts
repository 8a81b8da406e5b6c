/**
 * `taint` side by side with kubectl on node pairs of the test's own: every add, overwrite and
 * remove form and every refusal prints the same stdout, stderr and exit code, and leaves the
 * same taints behind after each step.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl } from '../helpers/cluster.js';
import { testNodes } from '../helpers/nodes.js';

const steps = [
  'taint nodes N0 foo=bar',
  'taint nodes N0 foo=bar:Bad',
  'taint nodes N0 Foo_=bar:NoSchedule',
  'taint nodes N0 a=b:NoSchedule a=c:NoSchedule',
  'taint nodes N0 a=b:NoSchedule a-',
  'taint nodes N0',
  'taint node/N0 a=b:NoSchedule',
  'taint pods x a=b:NoSchedule',
  'taint nodes N0 a=b:NoSchedule N1',
  'taint nodes N0 dedicated-',
  'taint nodes N0 a=b:NoSchedule --dry-run=client',
  'taint nodes N0 a=b:NoSchedule --dry-run=server',
  'taint nodes nosuch-node-ktl a=b:NoSchedule',
  'taint',
  'taint nodes N0 dedicated=x:NoSchedule',
  'taint nodes N0 dedicated=y:NoSchedule',
  'taint nodes N0 dedicated=y:NoSchedule --overwrite',
  'taint nodes N0 N1 extra:NoExecute',
  'taint nodes N0 dedicated:NoSchedule- extra-',
  'taint nodes -l ktl-test-nodes=GROUP lab=v:PreferNoSchedule -o name',
  'taint nodes -l ktl-test-nodes=GROUP --all x=y:NoSchedule',
  'taint nodes x=y:NoSchedule',
  'taint no N0 lab- ktl-test- -o jsonpath={.spec.taints}',
  'taint nodes N0 N1 nosuch-',
  'taint nodes N0 N1 lab-',
];

function argsFor(step: string, nodes: { names: string[]; group: string }): string[] {
  return step
    .replaceAll('N0', nodes.names[0] ?? '')
    .replaceAll('N1', nodes.names[1] ?? '')
    .replaceAll('GROUP', nodes.group)
    .split(' ');
}

/**
 * The node lifecycle controller taints a node that never reported status (ours never do) with
 * node.kubernetes.io/unreachable or not-ready once its grace period ends, at a moment of its
 * choosing that can fall between kubectl's step and ktl's; those taints are the controller's,
 * not the command's, and are left out of the comparison.
 */
function withoutControllerTaints(text: string): string {
  return text
    .replace(
      /,?\{"effect":"\w+","key":"node\.kubernetes\.io\/[\w-]+"(,"timeAdded":"[^"]*")?\}/g,
      '',
    )
    .replaceAll('[,', '[')
    .replaceAll('[]', '');
}

function normal(result: RunResult, nodes: { names: string[]; group: string }): RunResult {
  const fix = (text: string): string =>
    withoutControllerTaints(text)
      .replaceAll(nodes.names[0] ?? '', 'N0')
      .replaceAll(nodes.names[1] ?? '', 'N1')
      .replaceAll(nodes.group, 'GROUP')
      .replaceAll("'kubectl ", "'ktl ");
  return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
}

async function taints(names: string[]): Promise<string> {
  const text = await kubectlOk([
    'get',
    'nodes',
    ...names,
    '-o',
    'jsonpath={range .items[*]}{.spec.taints}{";"}{end}',
  ]);
  return withoutControllerTaints(text).replace(/"timeAdded":"[^"]*"/g, '"timeAdded":"T"');
}

test('taint behaves as kubectl: output, errors and the taints left on the nodes', async (t) => {
  const ours = await testNodes(t, 2);
  const theirs = await testNodes(t, 2);
  for (const step of steps) {
    const got = normal(await ktl(argsFor(step, ours)), ours);
    const want = normal(await kubectl(argsFor(step, theirs)), theirs);
    assert.deepEqual(got, want, step);
    assert.equal(await taints(ours.names), await taints(theirs.names), step);
  }
});

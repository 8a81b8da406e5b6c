/**
 * Nodes of a test's own, for the node verbs (cordon, taint, drain): plain Node objects that no
 * kwok controller manages, tainted so the scheduler never places another test's pods on them,
 * and deleted when the test ends.
 */
import type { TestContext } from 'node:test';
import { kubectl, kubectlOk } from './cluster.js';

let counter = 0;

/** Creates `count` nodes labelled `ktl-test-nodes=<group>`; returns their names and the group. */
export async function testNodes(
  t: TestContext,
  count: number,
  taints: ReadonlyArray<{ key: string; value?: string; effect: string }> = [
    { key: 'ktl-test', value: 'only', effect: 'NoSchedule' },
  ],
): Promise<{ names: string[]; group: string }> {
  const group = `g${process.pid}-${Date.now().toString(36)}-${counter++}`;
  const names = Array.from({ length: count }, (_, i) => `ktl-node-${group}-${i}`);
  const items = names.map((name) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'ktl-test-nodes': group } },
    spec: { taints },
  }));
  await kubectlOk(['create', '-f', '-'], {
    input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
  });
  t.after(() => kubectl(['delete', 'nodes', '-l', `ktl-test-nodes=${group}`, '--wait=false']));
  return { names, group };
}

/**
 * get --subresource and --server-print side by side with kubectl 1.34.4: the server's tables for
 * the status and scale subresources, kubectl's own NAME/AGE table without server printing, and
 * the errors (bulk types, unknown subresources, a type without one).
 */
import { test } from 'node:test';
import { kubectlOk, testNamespace } from '../helpers/cluster.js';
import { same } from './verbs-helpers.js';

async function namespaceWithDeployment(t: Parameters<typeof testNamespace>[0]): Promise<string> {
  const ns = await testNamespace(t, 'get-subres');
  await kubectlOk(['-n', ns, 'create', 'deployment', 'web', '--image=nginx', '--replicas=2']);
  await kubectlOk(['-n', ns, 'create', 'configmap', 'c1', '--from-literal=a=1']);
  await kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=60s']);
  return ns;
}

test('get --subresource status|scale prints the server tables and objects kubectl prints', async (t) => {
  const ns = await namespaceWithDeployment(t);
  const cases = [
    ['deployment', 'web', '--subresource', 'status'],
    ['deployment', 'web', '--subresource=scale'],
    ['deployment/web', '--subresource=scale', '-o', 'wide'],
    ['deployment/web', '--subresource=scale', '-o', 'yaml'],
    ['deployment/web', '--subresource=status', '-o', 'name'],
    ['deployment/web', '--subresource=scale', '-o', 'jsonpath={.kind} {.spec.replicas}'],
    ['deployment/web', '--subresource=scale', '--server-print=false'],
    ['deployment/web', '--subresource=scale', '--show-kind'],
    ['deployment/web', 'deployment/nope', '--subresource=scale'],
  ];
  for (const args of cases) await same(['get', ...args, '-n', ns]);
});

test('get --subresource errors as kubectl: bulk types, unknown subresource, no subresource', async (t) => {
  const ns = await namespaceWithDeployment(t);
  const cases = [
    ['deployment', '--subresource', 'scale'],
    ['deployment', '-l', 'app=web', '--subresource', 'scale'],
    ['deployment', 'web', '--subresource', 'bogus'],
    ['configmap', 'c1', '--subresource', 'status'],
    ['deployment', 'web', '--subresource', 'status', '-A'],
  ];
  for (const args of cases) await same(['get', ...args, '-n', ns]);
});

test('get --server-print=false prints kubectl own NAME/AGE tables', async (t) => {
  const ns = await namespaceWithDeployment(t);
  const cases = [
    ['pods', '--server-print=false'],
    ['pods', '--server-print=false', '-o', 'wide'],
    ['pods,configmaps', '--server-print=false'],
    ['pods', '--server-print=false', '--show-labels', '-L', 'app'],
    ['pods', '--server-print=false', '--sort-by=.metadata.name'],
    ['configmap', 'c1', '--server-print=0', '--show-kind'],
    ['deployment', 'web', '--server-print', '--no-headers'],
    ['pods', '--server-print=maybe'],
  ];
  for (const args of cases) await same(['get', ...args, '-n', ns]);
  await same(['get', 'namespace', ns, '--server-print=false']);
});

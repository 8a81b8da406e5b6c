import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  ktl,
  kubectl,
  kubectlOk,
  normalizeAges,
  testNamespace,
  viewerKubeconfig,
} from '../helpers/cluster.js';

/** Runs the same get with ktl and kubectl and asserts identical stdout, stderr and exit code. */
async function same(
  args: string[],
  normalise: (s: string) => string = normalizeAges,
): Promise<string> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(
    normalise(mine.stderr),
    normalise(theirs.stderr.replaceAll('kubectl', 'ktl')),
    `stderr of get ${args.join(' ')}`,
  );
  assert.equal(normalise(mine.stdout), normalise(theirs.stdout), `stdout of get ${args.join(' ')}`);
  assert.equal(mine.code, theirs.code, `exit code of get ${args.join(' ')}`);
  return mine.stdout;
}

describe('ktl get matches kubectl on the same objects', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'get-cmp',
    );
    await kubectlOk([
      'create',
      'deployment',
      'web',
      '--image=nginx:1.27',
      '--replicas=3',
      '-n',
      ns,
    ]);
    await kubectlOk(['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '-n', ns]);
    await kubectlOk([
      'create',
      'configmap',
      'settings',
      '--from-literal=a=1',
      '--from-literal=yes=no',
      '-n',
      ns,
    ]);
    await kubectlOk(['label', 'configmap', 'settings', 'tier=backend', 'team=a', '-n', ns]);
    await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
  });

  test('tables: pods, deployments, services, configmaps, nodes', async () => {
    for (const type of ['pods', 'deployments', 'svc', 'configmaps', 'replicasets.apps'])
      await same(['get', type, '-n', ns]);
    await same(['get', 'nodes']);
  });

  test('-o wide, --show-labels, -L, --no-headers', async () => {
    await same(['get', 'pods', '-n', ns, '-o', 'wide']);
    await same(['get', 'nodes', '-o', 'wide']);
    await same(['get', 'cm', '-n', ns, '--show-labels']);
    await same(['get', 'cm', '-n', ns, '-L', 'tier,team', '-L', 'missing']);
    await same(['get', 'deploy', '-n', ns, '--no-headers']);
  });

  test('several types at once, kind-prefixed, one table per type', async () => {
    const out = await same(['get', 'deploy,svc,cm', '-n', ns]);
    assert.match(out, /^NAME\s+READY.*\ndeployment\.apps\/web /m);
    await same(['get', 'all', '-n', ns]);
  });

  test('names, TYPE/NAME, missing names aggregated with exit 1', async () => {
    await same(['get', 'deploy', 'web', '-n', ns]);
    await same(['get', 'deploy/web', 'svc/web', '-n', ns]);
    await same(['get', 'cm', 'settings', 'nope', 'nope2', '-n', ns]);
    await same(['get', 'cm', 'nope', '-n', ns, '--ignore-not-found']);
  });

  test('selectors and empty results', async () => {
    await same(['get', 'pods', '-n', ns, '-l', 'app=web']);
    await same(['get', 'pods', '-n', ns, '-l', 'app=none']);
    await same(['get', 'pods', '-n', ns, '--field-selector', 'status.phase=Running']);
    await same(['get', 'cm', '-A', '-l', 'tier=backend']);
  });

  test('-o json, -o yaml and -o name for lists and single objects', async () => {
    const noVolatile = (s: string): string => s;
    await same(['get', 'cm', 'settings', '-n', ns, '-o', 'json'], noVolatile);
    await same(['get', 'cm', 'settings', '-n', ns, '-o', 'yaml'], noVolatile);
    await same(['get', 'cm', '-n', ns, '-o', 'json'], noVolatile);
    await same(['get', 'cm', '-n', ns, '-o', 'yaml'], noVolatile);
    await same(['get', 'deploy,svc', '-n', ns, '-o', 'name'], noVolatile);
    await same(['get', 'pods', '-n', ns, '-l', 'app=none', '-o', 'json'], noVolatile);
  });

  test('--sort-by on names and on a number', async () => {
    await same(['get', 'pods', '-n', ns, '--sort-by', '.metadata.name']);
    await same(['get', 'cm', '-n', ns, '--sort-by', '{.metadata.name}']);
    await same([
      'get',
      'pods',
      '-n',
      ns,
      '--sort-by',
      '{.status.containerStatuses[0].restartCount}',
    ]);
  });

  test('unknown types and missing arguments fail like kubectl', async () => {
    await same(['get', 'nosuchtype']);
    await same(['get']);
    await same(['get', 'pods/a', 'svc']);
  });

  test('chunked lists give the same table as one request', async () => {
    const chunked = await ktl(['get', 'pods', '-n', ns, '--chunk-size', '1']);
    const whole = await ktl(['get', 'pods', '-n', ns, '--chunk-size', '0']);
    assert.equal(normalizeAges(chunked.stdout), normalizeAges(whole.stdout));
    assert.equal(chunked.stdout.trim().split('\n').length, 4);
  });
});

test('the viewer sees pods but gets Forbidden on secrets, worded as kubectl', async () => {
  const result = await kubectl([
    'get',
    'secrets',
    '-n',
    'default',
    '--kubeconfig',
    viewerKubeconfig,
  ]);
  const mine = await ktl(['get', 'secrets', '-n', 'default'], {
    env: { KUBECONFIG: viewerKubeconfig },
  });
  assert.equal(mine.stderr, result.stderr);
  assert.equal(mine.code, 1);
});

/**
 * pflag's reading of flags, side by side with kubectl: bools never take the next word and
 * accept `=true|false`, bad values and missing arguments get pflag's words, and the usage hint
 * names the command that ran (not a flag's value).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ktl, kubectl, kubectlOk, normalizeAges, testNamespace } from '../helpers/cluster.js';

let ns = '';
before(async () => {
  ns = await testNamespace(
    { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
    'flags',
  );
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', ns]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
});

/** Each case runs with `-n NS` appended unless it names NS itself or ends with a bare -n. */
const CASES: string[][] = [
  ['get', 'pods', '--allow-missing-template-keys=x'],
  ['get', 'pods', '--show-kind=x'],
  ['get', 'deploy', 'web', '--show-kind=true', '--no-headers=false'],
  ['get', 'deploy', 'web', '--show-kind=false', '--no-headers=true'],
  ['get', 'deploy', '-A=true', '--no-headers', '-o', 'name'],
  ['scale', 'deploy', 'web', '--replicas'],
  ['-n', 'NS', 'scale', 'deploy', 'web', '--replicas'],
  ['get', 'pods', '-n'],
  ['get', 'pods', '--namespace'],
  ['-n', 'NS', 'scale', 'deploy', 'web', '--replicas', '-1'],
  ['--request-timeout', '5s', 'get', 'pods', '--bogus=1'],
  ['rollout', 'restart', 'deploy/web', '--dry-run=client'],
  ['rollout', 'status', '-w', 'deploy/web'],
  ['rollout', 'status', '--watch=false', 'deploy/web'],
  ['api-resources', '--namespaced=false', '--no-headers=true', '-o', 'name'],
];

for (const args of CASES) {
  test(`ktl ${args.join(' ')}`, async () => {
    const last = args.at(-1) ?? '';
    const full = args.includes('NS')
      ? args.map((a) => (a === 'NS' ? ns : a))
      : ['-n', '--namespace'].includes(last)
        ? args
        : [...args, '-n', ns];
    const [mine, theirs] = await Promise.all([ktl(full), kubectl(full)]);
    assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'));
    assert.equal(normalizeAges(mine.stdout), normalizeAges(theirs.stdout));
    assert.equal(mine.code, theirs.code);
  });
}

/**
 * kubectl run's delete flags (--cascade, -f/-k/-R, --force, --grace-period, --timeout, --wait),
 * side by side with kubectl: run parses them all and refuses malformed values, warns about a
 * boolean --cascade, but only --cascade reaches the deletion --rm makes; -f/-k/-R are never read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';

const DRY = ['x', '--image=nginx', '--dry-run=client'];

const CASES: string[][] = [
  [...DRY, '-f', 'no-such-file.yaml'],
  [...DRY, '-k', 'no-such-dir', '-f', 'a.yaml', '-R'],
  [...DRY, '--force', '--grace-period=0', '--wait', '--timeout=1s', '-o', 'name'],
  [...DRY, '--cascade'],
  [...DRY, '--cascade=false'],
  [...DRY, '--cascade=T'],
  [...DRY, '--cascade=orphan'],
  [...DRY, '--cascade=bad'],
  [...DRY, '--cascade=Orphan'],
  [...DRY, '--grace-period=abc'],
  [...DRY, '--timeout=5'],
  [...DRY, '--timeout=abc'],
  [...DRY, '--wait=maybe'],
  ['x', '--dry-run=client', '--grace-period=abc'],
  [...DRY, '-o', 'bad', '--cascade=bad'],
  ['--image=nginx', '--cascade=bad'],
];

function withoutKubectlName(result: RunResult): RunResult {
  return { ...result, stderr: result.stderr.replaceAll('kubectl', 'ktl') };
}

test('run: the delete flags are parsed and checked as kubectl does', async () => {
  for (const args of CASES) {
    const [ours, theirs] = await Promise.all([ktl(['run', ...args]), kubectl(['run', ...args])]);
    assert.deepEqual(ours, withoutKubectlName(theirs), args.join(' '));
  }
});

test('run --rm deletes the pod whatever -f/--force/--grace-period/--wait say', async (t) => {
  const namespaces = {
    ktl: await testNamespace(t, 'run-rm'),
    kubectl: await testNamespace(t, 'run-rm'),
  };
  // broken-attach cannot be attached to (the cluster's kwok), so run falls back to the logs
  const args = (ns: string): string[] => [
    'run',
    '-i',
    '--rm',
    'broken-attach',
    '--image=busybox',
    '--cascade=false',
    '--force',
    '--grace-period=0',
    '--wait',
    '--timeout=1s',
    '-f',
    'no-such-file.yaml',
    '-n',
    ns,
  ];
  const [ours, theirs] = await Promise.all([
    ktl(args(namespaces.ktl), { input: 'x\n' }),
    kubectl(args(namespaces.kubectl), { input: 'x\n' }),
  ]);
  const normal = (result: RunResult, ns: string): RunResult => ({
    stdout: result.stdout.replaceAll(ns, 'NS'),
    // kubectl's client-go may log its own websocket teardown; not part of what run prints
    stderr: result.stderr
      .replace(/^[IWEF]\d{4} [\d:.]+\s+\d+ [\w.-]+:\d+\] .*\n/gm, '')
      .replaceAll(ns, 'NS')
      .replaceAll('kubectl', 'ktl'),
    code: result.code,
  });
  assert.deepEqual(normal(ours, namespaces.ktl), normal(theirs, namespaces.kubectl));
  assert.match(ours.stderr, /^warning: --cascade=false is deprecated/);
  assert.match(ours.stdout, /pod "broken-attach" deleted from .* namespace\n$/);
  // the pod is gone, or on its way (kwok removes it once its deletion was asked for)
  for (const ns of Object.values(namespaces)) {
    const pods = await kubectlOk([
      'get',
      'pods',
      '-n',
      ns,
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.metadata.deletionTimestamp};{end}',
    ]);
    for (const pod of pods.split(';').filter(Boolean)) assert.match(pod, /^broken-attach=\S+$/);
  }
});

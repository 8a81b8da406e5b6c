/**
 * Side-by-side sweep of scale, rollout, label, annotate, patch, wait and get against kubectl:
 * each case is a difference found by running both on the same objects, now fixed.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Twins } from './verbs-helpers.js';
import { ktl } from '../helpers/cluster.js';
import { kc, twins } from './verbs-helpers.js';
import { sweep, twinFiles } from './sweep-helpers.js';

async function setup(ns: string): Promise<void> {
  await kc(ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2');
  await kc(ns, 'create', 'deployment', 'api', '--image=nginx:1.27');
  await kc(ns, 'run', 'p1', '--image=busybox', '--labels=app=p1');
  await kc(ns, 'run', 'p2', '--image=busybox', '--labels=app=p2');
  await kc(ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
  await kc(ns, 'wait', '--for=condition=Ready', 'pod/p1', 'pod/p2', '--timeout=60s');
}

const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const WEB_AND_POD = `${WEB}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n`;

describe('sweep: everyday verbs side by side with kubectl', () => {
  let pair: Twins;
  before(async () => {
    pair = await twins('sweep', setup);
  });

  test('several failures print one `Error from server (NotFound)` line each', async () => {
    for (const args of [
      ['label', 'deploy', 'web', 'nope', 'nope2', 'x=1'],
      ['annotate', 'deploy', 'nope', 'nope2', 'x=1'],
      ['patch', 'pod', 'nope', 'nope2', '-p', '{}'],
      ['rollout', 'history', 'deploy/nope', 'deploy/nope2'],
      ['rollout', 'status', 'deploy/nope', 'deploy/nope2'],
      ['wait', '--for=condition=Ready', 'pod/nope', 'pod/nope2', '--timeout=1s'],
    ])
      await sweep(pair, args);
  });

  test('a list the server refuses names the resource and selectors', async () => {
    for (const args of [
      ['get', 'pods', '-l', 'a=b=c'],
      ['get', 'pods', '--field-selector', 'bogus=x', '-o', 'name'],
      ['label', 'pods', '-l', 'bad key', 'a=b'],
      ['scale', 'deploy', '-l', 'bad key=x', '--replicas=2'],
    ])
      await sweep(pair, args);
  });

  test('scale: flag values, preconditions and missing objects as kubectl words them', async () => {
    for (const args of [
      ['scale', 'deploy', 'web', '--replicas=x'],
      ['scale', 'deploy', 'web', '--replicas=2', '--current-replicas=-5'],
      ['scale', 'deploy', 'nope', 'nope2', '--replicas=2'],
      ['scale', 'deploy', 'web', 'nope', 'nope2', '--replicas=2'],
      ['scale', 'deploy', 'web', '--replicas=2', '--timeout=1'],
    ])
      await sweep(pair, args);
  });

  test('Go duration and integer flag errors point to the command help', async () => {
    for (const args of [
      ['wait', '--for=delete', 'pod/nope', '--timeout=1x'],
      ['rollout', 'status', 'deploy/web', '--timeout=x'],
      ['rollout', 'status', 'deploy/web', '--revision=x'],
      ['rollout', 'status', 'deploy/web', '--revision=-1'],
      ['rollout', 'undo', 'deploy/web', '--to-revision=x'],
      ['rollout', 'history', 'deploy/web', '--revision=1.5'],
    ])
      await sweep(pair, args);
  });

  test('-f names the objects for get, label, annotate, scale, patch, wait and rollout', async () => {
    const web = twinFiles(pair, 'web.yaml', WEB);
    const both = twinFiles(pair, 'both.yaml', WEB_AND_POD);
    for (const args of [
      ['get', '-f', 'FILE', '-o', 'name'],
      ['label', '-f', 'FILE', 'fromfile=1'],
      ['annotate', '-f', 'FILE', 'fromfile=1', '--overwrite'],
      ['scale', '-f', 'FILE', '--replicas=2'],
      ['rollout', 'status', '-f', 'FILE'],
      ['rollout', 'history', '-f', 'FILE'],
      ['rollout', 'pause', '-f', 'FILE'],
      ['rollout', 'resume', '-f', 'FILE'],
      ['wait', '--for=create', '-f', 'FILE'],
      ['patch', '-f', 'FILE', '-p', '{}'],
      ['get', 'deploy', 'web', '-f', 'FILE'],
    ])
      await sweep(pair, args, web);
    for (const args of [
      ['get', '-f', 'FILE', '-o', 'name'],
      ['label', '-f', 'FILE', 'both=1'],
      ['scale', '-f', 'FILE', '--replicas=2'],
    ])
      await sweep(pair, args, both);
  });

  test('patch --local -f patches the file, not the server', async () => {
    const web = twinFiles(pair, 'local.yaml', `${WEB}spec:\n  replicas: 1\n`);
    for (const args of [
      ['patch', '--local', '-f', 'FILE', '-p', '{"spec":{"replicas":3}}'],
      ['patch', '--local', '-f', 'FILE', '-p', '{"spec":{"replicas":3}}', '-o', 'name'],
      [
        'patch',
        '--local',
        '-f',
        'FILE',
        '--type=merge',
        '-p',
        '{"spec":{"replicas":5}}',
        '-o=yaml',
      ],
      ['patch', 'deploy', 'web', '--local', '-p', '{}'],
      ['patch', '--local', '-f', 'FILE', '-p', '{}', '--dry-run=server'],
    ])
      await sweep(pair, args, web);
    const live = await sweep(pair, ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']);
    assert.equal(live.stdout, '2', 'the live object is untouched');
  });

  test('rollout: history -o prints the revision objects; flags kubectl lacks are refused', async () => {
    for (const args of [
      ['rollout', 'history', 'deploy/web', '-o', 'jsonpath={.kind} {.metadata.name}'],
      ['rollout', 'history', 'deploy/web', '--revision=1', '-o', 'jsonpath={.spec.replicas}'],
      ['rollout', 'history', 'deploy/web', '--revision=9', '-o', 'yaml'],
    ])
      await sweep(pair, args);
    // (The cli layer still names the parent command and keeps `=value` in unknown-flag errors.)
    for (const args of [
      ['rollout', 'restart', 'deploy/web', '--dry-run=client'],
      ['rollout', 'undo', 'deploy/web', '--field-manager=x'],
    ]) {
      const flag = (args[3] ?? '').split('=')[0] ?? '';
      const refused = await ktl([...args, '-n', pair.mine]);
      assert.equal(refused.code, 1, `${args.join(' ')} is refused as kubectl refuses it`);
      assert.match(refused.stderr, new RegExp(`^error: unknown flag: ${flag}`));
    }
    const json = await sweep(pair, [
      'rollout',
      'history',
      'deploy/web',
      '--revision=1',
      '-o',
      'json',
    ]);
    assert.match(json.stdout, /^\{\n {4}"kind": "ReplicaSet",\n {4}"apiVersion": "apps\/v1",/);
  });

  test('wait: --all with -l, and printed objects carry their kind', async () => {
    for (const args of [
      ['wait', '--for=condition=Ready', 'pods', '--all', '-l', 'app=p1'],
      ['wait', '--for=condition=Ready', 'pod/p1', '-o', 'jsonpath={.apiVersion} {.kind}'],
    ])
      await sweep(pair, args);
  });

  test('label and patch report failures in argument order; names with a field selector', async () => {
    await sweep(pair, ['label', 'pods', 'p1', 'order=1']);
    for (const args of [
      ['label', 'pods', 'p1', 'nope', 'order=2'],
      ['label', 'pods', 'nope', 'p1', 'order=2'],
      ['annotate', 'pod', 'p1', 'note=x', '--field-selector', 'metadata.name=p1'],
    ])
      await sweep(pair, args);
  });

  test('patch: Invalid answers as kubectl prints them', async () => {
    const nodes = (text: string): string => text.replace(/kwok-node-\d/g, 'NODE');
    for (const args of [
      ['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"remove","path":"/spec/nope"}]'],
      ['patch', 'pod', 'p1', '-p', '{"spec":{"nodeName":"x"}}'],
    ])
      await sweep(pair, args, undefined, nodes);
  });

  test('get: option conflicts are plain errors, flag values point to --help', async () => {
    for (const args of [
      ['get', 'pods', '--show-labels', '-o', 'name'],
      ['get', 'pods', '--chunk-size=x'],
      ['get', 'pods/'],
      ['get', 'deploy', 'web', '-o', 'name', '--output-watch-events'],
    ])
      await sweep(pair, args);
  });

  test('version --client=VALUE and cluster-info with extra arguments', async () => {
    await sweep(pair, ['version', '--client=x']);
    await sweep(pair, ['version', '--client=false', '-o', 'bogus']);
    await sweep(pair, ['cluster-info', 'extra']);
  });
});

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ktl, kubectl, testNamespace } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { atExit, kc, same, sameInTwins, twins } from './verbs-helpers.js';
import { scriptedEditor } from './editor-helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('wait', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(atExit, 'verbs-wait');
    await kc(ns, 'run', 'ready', '--image=busybox');
    await kc(ns, 'wait', '--for=condition=Ready', 'pod/ready', '--timeout=60s');
  });

  test('a condition that becomes true while waiting', async () => {
    await kc(ns, 'create', 'deployment', 'later', '--image=nginx', '--replicas=0');
    const waiting = ktl([
      '-n',
      ns,
      'wait',
      'deploy/later',
      '--for=jsonpath={.status.readyReplicas}=2',
      '--timeout=60s',
    ]);
    await sleep(1000);
    await kc(ns, 'scale', 'deploy/later', '--replicas=2');
    const result = await waiting;
    assert.equal(result.stdout, 'deployment.apps/later condition met\n', result.stderr);
    assert.equal(result.code, 0);
  });

  test('--for=create and --for=delete of an object that appears and goes', async () => {
    const created = ktl(['-n', ns, 'wait', 'pod/comes', '--for=create', '--timeout=30s']);
    await sleep(1500);
    await kc(ns, 'run', 'comes', '--image=busybox');
    assert.equal((await created).stdout, 'pod/comes condition met\n');
    const deleted = ktl(['-n', ns, 'wait', 'pod/comes', '--for=delete', '--timeout=60s']);
    await sleep(1000);
    await kc(ns, 'delete', 'pod', 'comes', '--wait=false');
    const result = await deleted;
    assert.equal(result.stdout, 'pod/comes condition met\n', result.stderr);
  });

  test('messages and timeouts match kubectl', async () => {
    for (const args of [
      ['wait', 'pod/ready', '--for=condition=Ready'],
      ['wait', 'pod', 'ready', '--for=condition=ready=true', '-o', 'name'],
      ['wait', 'pod/ready', '--for=condition=Ready=false', '--timeout=1s'],
      ['wait', 'pod/ready', '--for=jsonpath={.status.phase}=Running'],
      ['wait', 'pod/ready', "--for=jsonpath='{.status.phase}'=Pending", '--timeout=1s'],
      ['wait', 'pod/ready', '--for=jsonpath={.status.phase}'],
      ['wait', 'pod/ready', '--for=condition=Bogus', '--timeout=0'],
      ['wait', 'pod/ready', '--for=delete', '--timeout=1s'],
      ['wait', 'pod/ready'],
      ['wait', 'pod/ready', '--for=foo'],
      ['wait', 'pod/gone', '--for=delete'],
      ['wait', 'pod/gone', '--for=condition=Ready'],
      ['wait', 'pod/gone', '--for=create', '--timeout=1s'],
      ['wait', 'pods', '-l', 'app=none', '--for=condition=Ready'],
      ['wait', '--for=condition=Ready'],
    ])
      await same(['-n', ns, ...args]);
  });
});

describe('events', () => {
  test('table, --for, --types, json/yaml and errors match kubectl', async () => {
    const ns = await testNamespace(atExit, 'verbs-ev');
    await kc(ns, 'run', 'one', '--image=busybox');
    await kc(ns, 'create', 'deployment', 'never', '--image=nginx');
    await kc(
      ns,
      'patch',
      'deploy',
      'never',
      '-p',
      '{"spec":{"template":{"spec":{"nodeSelector":{"nowhere":"1"}}}}}',
    );
    await kc(ns, 'wait', '--for=condition=Ready', 'pod/one', '--timeout=60s');
    await sleep(2000);
    for (const args of [
      ['events', '--for', 'pod/one'],
      ['events', '--for', 'deploy/never'],
      ['events', '--types=Warning'],
      ['events', '--types=Foo'],
      ['events', '--for', 'pod/one', '-o', 'json'],
      ['events', '--for', 'pod/one', '-o', 'yaml'],
      ['events', '--for', 'pod/nope'],
      ['events', '--for', 'pod'],
      ['events', '--for', 'pod/one', '--no-headers'],
      ['events', '--for', 'pod/one', '-o', 'wide'],
    ])
      await same(['-n', ns, ...args]);
    // pod/one's own events (the scheduler's Scheduled at least): node events from the cluster's
    // start expire after the apiserver's event TTL (1 h), so a cluster up longer has none
    const all = await ktl(['events', '-A', '--for', 'pod/one']);
    assert.match(all.stdout, /^NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
  });
});

describe('edit with a scripted editor', () => {
  let pair: Twins;
  before(async () => {
    pair = await twins('verbs-edit', async (ns) => {
      await kc(ns, 'create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    });
  });

  test('a save that fails reopens the file with the errors on top and the edit kept; the fix is saved', async (t) => {
    const editor = scriptedEditor([
      's/^  replicas: .*/  replicas: -1/',
      's/^  replicas: .*/  replicas: 3/',
    ]);
    t.after(() => editor.remove());
    const result = await ktl(['-n', pair.mine, 'edit', 'deploy/web'], { env: editor.env });
    assert.equal(result.stdout, 'deployment.apps/web edited\n');
    assert.equal(result.stderr, 'error: deployments.apps "web" is invalid\n');
    const [first = '', second = ''] = editor.seen();
    assert.ok(
      first.startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n",
      ),
    );
    assert.ok(
      second.includes(
        '# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n',
      ),
      second.slice(0, 600),
    );
    assert.match(second, /^ {2}replicas: -1$/m, 'the failed edit is still in the reopened file');
    assert.equal(await kc(pair.mine, 'get', 'deploy/web', '-o', 'jsonpath={.spec.replicas}'), '3');
  });

  test('same outputs as kubectl: fixed save, cancelled after an error, unchanged, broken YAML', async () => {
    const mask = (text: string): string => text.replace(/"\/tmp\/[^"]+"/g, '"<file>"');
    for (const ns of [pair.mine, pair.theirs]) {
      await kc(ns, 'scale', 'deploy/web', '--replicas=2');
      await kc(ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
      await kc(ns, 'wait', 'deploy/web', '--for=jsonpath={.status.replicas}=2', '--timeout=60s');
    }
    for (const passes of [
      ['s/^  replicas: .*/  replicas: -1/', 's/^  replicas: .*/  replicas: 2/'],
      ['s/^  replicas: .*/  replicas: -1/', ''],
      [''],
      ['1i # only a comment'],
      ['$a \\  : - bad: [', ''],
    ]) {
      const editors = [scriptedEditor(passes), scriptedEditor(passes)] as const;
      const theirs = await kubectl(['-n', pair.theirs, 'edit', 'deploy/web'], {
        env: editors[0].env,
      }).finally(() => editors[0].remove());
      const mine = await ktl(['-n', pair.mine, 'edit', 'deploy/web'], {
        env: editors[1].env,
      }).finally(() => editors[1].remove());
      assert.equal(mine.stdout, theirs.stdout, `stdout for ${passes.join(' | ')}`);
      assert.equal(mask(mine.stderr), mask(theirs.stderr), `stderr for ${passes.join(' | ')}`);
      assert.equal(mine.code, theirs.code, `exit code for ${passes.join(' | ')}`);
    }
  });

  test('label of the edited object through sameInTwins still agrees', async () => {
    await sameInTwins(pair, ['label', 'deploy', 'web', 'edited=yes']);
  });
});

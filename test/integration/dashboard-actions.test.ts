/**
 * k9s's daily actions in the dashboard, against the real cluster: shell (`s`), edit (`e`)…
 * Each hands the terminal to ktl's own verb and takes it back.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { kubectlOk, testNamespace } from '../helpers/cluster.js';
import { Terminal } from './dashboard-terminal.js';

let namespace = '';
const MULTI = `
apiVersion: v1
kind: Pod
metadata: {name: multi}
spec:
  containers: [{name: main, image: busybox}, {name: side, image: busybox}]
`;
const terminals: Terminal[] = [];
const hooks: Array<() => unknown> = [];

function open(args: string[], options: ConstructorParameters<typeof Terminal>[1] = {}): Terminal {
  const terminal = new Terminal(['dash', '-n', namespace, ...args], {
    columns: 140,
    rows: 40,
    ...options,
  });
  terminals.push(terminal);
  return terminal;
}

function title(screen: string): string {
  return screen.split('\n')[2] ?? '';
}

before(async () => {
  namespace = await testNamespace({ after: (fn: () => unknown) => hooks.push(fn) }, 'ktl-act');
  await kubectlOk(['run', 'solo', '--image=busybox', '-n', namespace]);
  await kubectlOk(['create', 'configmap', 'settings', '--from-literal=mode=fast', '-n', namespace]);
  await kubectlOk(['apply', '-n', namespace, '-f', '-'], { input: MULTI });
  await kubectlOk([
    'create',
    'deployment',
    'web',
    '--image=nginx',
    '--replicas=2',
    '-n',
    namespace,
  ]);
  await kubectlOk([
    'wait',
    '--for=condition=Ready',
    'pod/solo',
    'pod/multi',
    '-n',
    namespace,
    '--timeout=60s',
  ]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
});

after(async () => {
  terminals.forEach((t) => t.close());
  for (const hook of hooks) await hook();
});

test('s opens a shell in the container (ktl exec -it), and exit brings the dashboard back', async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[4\]/.test(title(s)) && /synced/.test(s));
  t.type('/solo');
  t.keys(['Enter']);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\/4\]/.test(title(s)));
  t.keys(['s']);
  await t.waitFor((s) => !/^pods\(/.test(title(s)), 15_000);
  t.together(['echo shell-$((6*7))', 'Enter']);
  await t.waitFor(/^shell-42$/m);
  t.together(['exit', 'Enter']);
  await t.waitFor(
    (s) => /^pods\([^)]*\)\[1\/4\]/.test(title(s)) && /shell solo\/solo: done/.test(s),
  );
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('e edits the object with $KUBE_EDITOR (ktl edit) and the change reaches the server', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-editor-'));
  const editor = join(dir, 'editor.sh');
  writeFileSync(editor, `#!/bin/sh\nsed -i 's/mode: fast/mode: slow/' "$1"\n`);
  chmodSync(editor, 0o755);
  const t = open(['configmaps'], { env: { KUBE_EDITOR: editor } });
  await t.waitFor((s) => /^configmaps\([^)]*\)\[2\]/.test(title(s)) && /synced/.test(s));
  t.type('/settings');
  t.keys(['Enter']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[1\/2\]/.test(title(s)));
  t.keys(['e']);
  await t.waitFor(/edit configmaps\/settings: done/);
  const mode = await kubectlOk([
    'get',
    'cm',
    'settings',
    '-n',
    namespace,
    '-o',
    'jsonpath={.data.mode}',
  ]);
  assert.equal(mode, 'slow');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('--readonly refuses shell and edit', async () => {
  const t = open(['--readonly']);
  await t.waitFor((s) => /^pods\([^)]*\)\[4\]/.test(title(s)) && /synced/.test(s));
  t.keys(['s']);
  await t.waitFor(/read-only: shell is disabled/);
  t.keys(['e']);
  await t.waitFor(/read-only: edit is disabled/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test("logs as k9s has them: timestamps, every container, windows, wrap, save, previous; a Deployment's pods", async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[4\]/.test(title(s)) && /synced/.test(s));
  t.together(['/multi', 'Enter', 'l']);
  let screen = await t.waitFor(
    (s) => /^logs pod\/multi\/main {2}\[/.test(title(s)) && /^fake log line 1 from kwok$/m.test(s),
  );
  t.keys(['t']);
  screen = await t.waitFor(/^\d{4}-\d\d-\d\dT\S+ fake log line 1 from kwok$/m);
  assert.match(title(screen), /timestamps/);
  t.keys(['a']);
  screen = await t.waitFor(
    (s) => /^logs pod\/multi\/\* /.test(title(s)) && /^\[multi\/side\] \S+ fake log line/m.test(s),
  );
  assert.match(screen, /^\[multi\/main\] \S+ fake log line/m);
  t.keys(['C-s']);
  screen = await t.waitFor(/logs saved: (\S+) \(\d+ lines\)/);
  const file = /logs saved: (\S+) /.exec(screen)?.[1] ?? '';
  assert.match(readFileSync(file, 'utf8'), /fake log line 1 from kwok/);
  rmSync(file);
  t.keys(['w']);
  await t.waitFor((s) => /· wrap ·/.test(title(s)));
  t.keys(['2']);
  await t.waitFor((s) => /· 1m ·/.test(title(s)));
  t.keys(['0']);
  await t.waitFor((s) => /· tail 500 ·/.test(title(s)) && /fake log line 1 from kwok/.test(s));
  t.keys(['p']);
  await t.waitFor((s) => /· previous ·/.test(title(s)));
  t.keys(['Escape']);
  await t.waitFor((s) => /^pods\(/.test(title(s)));
  t.together([':deploy', 'Enter', 'l']);
  const podsIn = (s: string): Set<string | undefined> =>
    new Set([...s.matchAll(/^\[(web-\S+)\/nginx\] fake log line/gm)].map((m) => m[1]));
  await t.waitFor((s) => /^logs deployments\/web {2}\[/.test(title(s)) && podsIn(s).size === 2);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

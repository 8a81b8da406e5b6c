/**
 * k9s's daily actions in the dashboard, against the real cluster: shell (`s`), edit (`e`)…
 * Each hands the terminal to ktl's own verb and takes it back.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, titleLine } from './dashboard-terminal.js';

const MULTI = `
apiVersion: v1
kind: Pod
metadata: {name: multi}
spec:
  containers: [{name: main, image: busybox}, {name: side, image: busybox}]
`;

const dash = new DashboardFixture({ columns: 140, rows: 40, inNamespace: true });
let namespace = '';
const open = dash.open.bind(dash);

before(async () => {
  namespace = await dash.createNamespace('ktl-act');
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

after(() => dash.cleanUp());

test('s opens a shell in the container (ktl exec -it), and exit brings the dashboard back', async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[4\]/.test(titleLine(s)) && /synced/.test(s));
  t.type('/solo');
  t.keys(['Enter']);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\/4\]/.test(titleLine(s)));
  t.keys(['s']);
  await t.waitFor((s) => !/^pods\(/.test(titleLine(s)), 15_000);
  t.together(['echo shell-$((6*7))', 'Enter']);
  await t.waitFor(/^shell-42$/m);
  t.together(['exit', 'Enter']);
  await t.waitFor(
    (s) => /^pods\([^)]*\)\[1\/4\]/.test(titleLine(s)) && /shell solo\/solo: done/.test(s),
  );
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('e edits the object with $KUBE_EDITOR (ktl edit) and the change reaches the server', async (c) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-editor-'));
  c.after(() => rmSync(dir, { recursive: true, force: true }));
  const editor = join(dir, 'editor.sh');
  writeFileSync(editor, `#!/bin/sh\nsed -i 's/mode: fast/mode: slow/' "$1"\n`);
  chmodSync(editor, 0o755);
  const t = open(['configmaps'], { env: { KUBE_EDITOR: editor } });
  await t.waitFor((s) => /^configmaps\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  t.type('/settings');
  t.keys(['Enter']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[1\/2\]/.test(titleLine(s)));
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
  await t.waitFor((s) => /^pods\([^)]*\)\[4\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['s']);
  await t.waitFor(/read-only: shell is disabled/);
  t.keys(['e']);
  await t.waitFor(/read-only: edit is disabled/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test("logs as k9s has them: timestamps, every container, windows, wrap, save, previous; a Deployment's pods", async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[4\]/.test(titleLine(s)) && /synced/.test(s));
  t.together(['/multi', 'Enter', 'l']);
  let screen = await t.waitFor(
    (s) =>
      /^logs pod\/multi\/main {2}\[/.test(titleLine(s)) && /^fake log line 1 from kwok$/m.test(s),
  );
  t.keys(['t']);
  screen = await t.waitFor(/^\d{4}-\d\d-\d\dT\S+ fake log line 1 from kwok$/m);
  assert.match(titleLine(screen), /timestamps/);
  t.keys(['a']);
  screen = await t.waitFor(
    (s) =>
      /^logs pod\/multi\/\* /.test(titleLine(s)) && /^\[multi\/side\] \S+ fake log line/m.test(s),
  );
  assert.match(screen, /^\[multi\/main\] \S+ fake log line/m);
  t.keys(['C-s']);
  screen = await t.waitFor(/logs saved: (\S+) \(\d+ lines\)/);
  const file = /logs saved: (\S+) /.exec(screen)?.[1] ?? '';
  assert.match(readFileSync(file, 'utf8'), /fake log line 1 from kwok/);
  rmSync(file);
  t.keys(['w']);
  await t.waitFor((s) => /· wrap ·/.test(titleLine(s)));
  t.keys(['2']);
  await t.waitFor((s) => /· 1m ·/.test(titleLine(s)));
  t.keys(['0']);
  await t.waitFor((s) => /· tail 500 ·/.test(titleLine(s)) && /fake log line 1 from kwok/.test(s));
  t.keys(['p']);
  await t.waitFor((s) => /· previous ·/.test(titleLine(s)));
  t.keys(['Escape']);
  await t.waitFor((s) => /^pods\(/.test(titleLine(s)));
  t.together([':deploy', 'Enter', 'l']);
  const podsIn = (s: string): Set<string | undefined> =>
    new Set([...s.matchAll(/^\[(web-\S+)\/nginx\] fake log line/gm)].map((m) => m[1]));
  await t.waitFor((s) => /^logs deployments\/web {2}\[/.test(titleLine(s)) && podsIn(s).size === 2);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

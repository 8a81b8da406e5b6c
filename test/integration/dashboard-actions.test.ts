/**
 * k9s's daily actions in the dashboard, against the real cluster: shell (`s`), edit (`e`)…
 * Each hands the terminal to ktl's own verb and takes it back.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { kubectlOk, testNamespace } from '../helpers/cluster.js';
import { Terminal } from './dashboard-terminal.js';

let namespace = '';
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
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/solo', '-n', namespace, '--timeout=60s']);
});

after(async () => {
  terminals.forEach((t) => t.close());
  for (const hook of hooks) await hook();
});

test('s opens a shell in the container (ktl exec -it), and exit brings the dashboard back', async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\]/.test(title(s)) && /synced/.test(s));
  t.keys(['s']);
  await t.waitFor((s) => !/^pods\(/.test(title(s)), 15_000);
  t.together(['echo shell-$((6*7))', 'Enter']);
  await t.waitFor(/^shell-42$/m);
  t.together(['exit', 'Enter']);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\]/.test(title(s)) && /shell solo\/solo: done/.test(s));
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
  await t.waitFor((s) => /^pods\([^)]*\)\[1\]/.test(title(s)) && /synced/.test(s));
  t.keys(['s']);
  await t.waitFor(/read-only: shell is disabled/);
  t.keys(['e']);
  await t.waitFor(/read-only: edit is disabled/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

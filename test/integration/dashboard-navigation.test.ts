/**
 * k9s's navigation in the dashboard: aliases (`:dp`), `-` and `[` `]` history, `J` to the owner,
 * `:pods @ctx`, ctrl-k kill, and YAML's managedFields toggle — against the real cluster.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { adminKubeconfig, kubectl, kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, tableLines, titleLine } from './dashboard-terminal.js';

const dash = new DashboardFixture({ columns: 140, rows: 40, inNamespace: true });
let namespace = '';
const open = dash.open.bind(dash);

before(async () => {
  namespace = await dash.createNamespace('ktl-nav');
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', namespace]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
});

after(() => dash.cleanUp());

test(':dp (k9s alias), - toggles the last view, [ and ] walk the history', async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\]/.test(titleLine(s)) && /synced/.test(s));
  t.together([':dp', 'Enter']);
  await t.waitFor((s) => /^deployments\([^)]*\)\[1\]/.test(titleLine(s)));
  t.keys(['-']);
  await t.waitFor((s) => /^pods\(/.test(titleLine(s)));
  t.keys(['-']);
  await t.waitFor((s) => /^deployments\(/.test(titleLine(s)));
  t.keys(['[']);
  await t.waitFor((s) => /^pods\(/.test(titleLine(s)));
  t.keys([']']);
  await t.waitFor((s) => /^deployments\(/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('J jumps from a pod to its ReplicaSet and on to the Deployment; y then m shows managedFields', async () => {
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['J']);
  await t.waitFor((s) => /^replicasets\([^)]*\)\[1\]/.test(titleLine(s)));
  t.keys(['y']);
  let screen = await t.waitFor((s) => /^yaml replicaset\/web-\S+ {2}\[1-/.test(titleLine(s)));
  assert.doesNotMatch(screen, /managedFields/);
  t.keys(['m']);
  screen = await t.waitFor(/^ {2}managedFields:$/m);
  t.keys(['Escape']);
  await t.waitFor((s) => /^replicasets\(/.test(titleLine(s)));
  t.keys(['J']);
  await t.waitFor((s) => /^deployments\([^)]*\)\[1\]/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('ctrl-k kills the pod with no question', async () => {
  const before = (await kubectlOk(['get', 'pods', '-n', namespace, '-o', 'name'])).trim();
  const t = open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['C-k']);
  const screen = await t.waitFor(/pod\/web-\S+ killed/);
  assert.doesNotMatch(screen, /\[y\/N\]/);
  const victim = before.replace(/^pod\//, '');
  await t.waitFor((s) => !tableLines(s).some((l) => l.startsWith(victim)), 20_000);
  const get = await kubectl(['get', 'pod', victim, '-n', namespace]);
  assert.match(get.stderr, /NotFound/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test(':pods @ctx switches to that context (k9s form)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-ctx-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const text = readFileSync(adminKubeconfig, 'utf8');
  const context = /current-context: (\S+)/.exec(text)?.[1] ?? '';
  writeFileSync(kubeconfig, text);
  await kubectlOk([
    '--kubeconfig',
    kubeconfig,
    'config',
    'set-context',
    'other',
    `--cluster=${/cluster: (\S+)/.exec(text)?.[1] ?? ''}`,
    `--user=${/user: (\S+)/.exec(text)?.[1] ?? ''}`,
    `--namespace=${namespace}`,
  ]);
  const t = open([], { kubeconfig });
  await t.waitFor((s) => new RegExp(`^ctx: ${context} `).test(s) && /synced/.test(s));
  t.together([':pods @other', 'Enter']);
  await t.waitFor((s) => /^ctx: other /.test(s) && /^pods\([^)]*\)\[1\]/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

/**
 * Issue 19, "every key, in the mode it was typed in": each sequence is sent in ONE tmux
 * send-keys call (one read for ktl, as a paste, key repeat or SSH delivers it), and the screen
 * shows that every key went where it was typed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectl, kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, titleLine } from './dashboard-terminal.js';

const CONFIGMAPS = Array.from({ length: 12 }, (_, i) => `cm-${String(i).padStart(2, '0')}`);

const dash = new DashboardFixture({ columns: 140, rows: 40, inNamespace: true });
let namespace = '';
const open = dash.open.bind(dash);

before(async () => {
  namespace = await dash.createNamespace('ktl-keys');
  for (const name of CONFIGMAPS)
    await kubectlOk(['create', 'configmap', name, '--from-literal=k=v', '-n', namespace]);
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', namespace]);
  await kubectlOk(['expose', 'deployment', 'web', '--port=80', '-n', namespace]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
});

after(() => dash.cleanUp());

test(':deploy and Enter in one read run the command; keys after it go to the new view', async () => {
  const t = open([]);
  await t.waitFor(/pods\([^)]*\)\[1\]/);
  t.together([':deploy', 'Enter']);
  let screen = await t.waitFor((s) => /^deployments\([^)]*\)\[1\]/.test(titleLine(s)));
  assert.doesNotMatch(screen, /^:deploy/m, 'the prompt is closed');
  // Enter right after the command drills into the service it opened, not the pod table's row.
  t.together([':svc', 'Enter', 'Enter']);
  screen = await t.waitFor((s) => /^pods of services\/web/.test(titleLine(s)));
  t.keys(['Escape']);
  screen = await t.waitFor((s) => /^services\(/.test(titleLine(s)));
  // The next command reads what was typed, nothing left over from the last one.
  t.together([':cm', 'Enter']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[13\]/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('ten j in one read move ten rows; Down Down in one read moves two', async () => {
  const t = open(['configmaps']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[13\]/.test(titleLine(s)) && /synced/.test(s));
  t.type('jjjjjjjjjj');
  t.type('y');
  await t.waitFor((s) => /^yaml configmap\/cm-10\b/.test(titleLine(s)));
  t.keys(['Escape']);
  await t.waitFor((s) => /^configmaps\(/.test(titleLine(s)));
  t.type('g');
  t.together(['Down', 'Down']);
  t.type('y');
  await t.waitFor((s) => /^yaml configmap\/cm-02\b/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('Ctrl-D then y in one read answer the delete question (no YAML opens)', async () => {
  const t = open(['configmaps']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[13\]/.test(titleLine(s)) && /synced/.test(s));
  t.type('gjjjjj');
  t.together(['C-d', 'y']);
  const screen = await t.waitFor(/configmap\/cm-05 deleted/);
  assert.doesNotMatch(titleLine(screen), /^yaml/);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[12\]/.test(titleLine(s)));
  const get = await kubectl(['get', 'configmap', 'cm-05', '-n', namespace]);
  assert.match(get.stderr, /NotFound/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('ten quick view switches end on the last view, and Esc walks back through them in order', async () => {
  const t = open([]);
  await t.waitFor(/pods\([^)]*\)\[1\]/);
  const commands = ['deploy', 'svc', 'cm', 'sa', 'rs', 'secrets', 'ep', 'deploy', 'cm', 'svc'];
  for (const command of commands) {
    t.together([`:${command}`, 'Enter']);
    await new Promise((r) => setTimeout(r, 100));
  }
  const expected = [
    'services',
    'configmaps',
    'deployments',
    'endpoints',
    'secrets',
    'replicasets',
    'serviceaccounts',
    'configmaps',
    'services',
    'deployments',
    'pods',
  ];
  for (const [i, resource] of expected.entries()) {
    await t.waitFor((s) => titleLine(s).startsWith(`${resource}(`));
    if (i < expected.length - 1) t.keys(['Escape']);
  }
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

/**
 * Marks (k9s's space, ctrl-space, ctrl-\) and the actions that apply to every marked row after
 * one question listing them, against the real cluster.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, lineStyles, tableLines, titleLine } from './dashboard-terminal.js';

const dash = new DashboardFixture({ columns: 140, rows: 30, inNamespace: true });
let namespace = '';

before(async () => {
  namespace = await dash.createNamespace('ktl-marks');
  for (const name of ['cm-1', 'cm-2', 'cm-3', 'cm-4', 'cm-5'])
    await kubectlOk(['create', 'configmap', name, '-n', namespace]);
  for (const name of ['app-a', 'app-b', 'app-c'])
    await kubectlOk(['create', 'deployment', name, '--image=nginx', '-n', namespace]);
});

after(() => dash.cleanUp());

/** The line of a row (by its name) on the screen. */
function rowOf(screen: string, name: string): string {
  return tableLines(screen).find((l) => l.startsWith(`${name} `)) ?? '';
}

test('space marks the selected row (the selection stays, as in k9s), ctrl-\\ clears the marks, ctrl-d deletes every marked row after one question', async () => {
  const t = dash.open(['configmaps']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[6\]/.test(titleLine(s)) && /synced/.test(s));
  // A second space on the same row unmarks it (k9s's ToggleMark does not move the selection).
  t.keys(['Space']);
  let screen = await t.waitFor((s) => /marked:1$/.test(titleLine(s)));
  t.keys(['Space']);
  screen = await t.waitFor((s) => /^configmaps\([^)]*\)\[6\]$/.test(titleLine(s)));
  t.keys(['Space', 'j', 'Space']);
  screen = await t.waitFor((s) => /marked:2$/.test(titleLine(s)));
  t.keys(['C-\\']);
  screen = await t.waitFor((s) => !/marked/.test(titleLine(s)));
  t.keys(['g', 'Space', 'j', 'Space', 'j', 'j', 'Space']);
  screen = await t.waitFor((s) => /marked:3$/.test(titleLine(s)));
  // Marked rows are drawn bold (and in their own colour), so they show without colour too.
  const styles = lineStyles(t.screenWithEscapes());
  const bold = (name: string) => styles.find((l) => l.text.startsWith(`${name} `))?.bold;
  assert.deepEqual(['cm-1', 'cm-2', 'cm-3', 'cm-4', 'cm-5'].map(bold), [
    true,
    true,
    false,
    true,
    false,
  ]);
  assert.match(rowOf(screen, 'cm-4'), /^cm-4 /);

  t.keys(['C-d']);
  await t.waitFor(
    new RegExp(`Delete 3 configmaps \\(cm-1, cm-2, cm-4\\) in namespace ${namespace}\\? \\[y/N\\]`),
  );
  t.keys(['y']);
  await t.waitFor(/3 configmaps \(cm-1, cm-2, cm-4\) deleted/);
  screen = await t.waitFor((s) => /^configmaps\([^)]*\)\[3\]$/.test(titleLine(s)));
  const left = await kubectlOk(['get', 'configmaps', '-n', namespace, '-o', 'name']);
  assert.deepEqual(left.trim().split('\n').sort(), [
    'configmap/cm-3',
    'configmap/cm-5',
    'configmap/kube-root-ca.crt',
  ]);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('ctrl-space marks the range from the last mark; s scales every marked deployment', async () => {
  const t = dash.open(['deployments']);
  await t.waitFor((s) => /^deployments\([^)]*\)\[3\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['Space', 'G', 'C-Space']);
  await t.waitFor((s) => /marked:3$/.test(titleLine(s)));
  t.keys(['s']);
  await t.waitFor(/Scale 3 deployments \(app-a, app-b, app-c\) to replicas:/);
  t.keys(['2', 'Enter']);
  await t.waitFor(/3 deployments \(app-a, app-b, app-c\) scaled to 2/);
  const replicas = await kubectlOk([
    'get',
    'deployments',
    '-n',
    namespace,
    '-o',
    'jsonpath={.items[*].spec.replicas}',
  ]);
  assert.equal(replicas, '2 2 2');
  // The marks go once the action has run.
  await t.waitFor((s) => !/marked/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('without marks, ctrl-d still asks about the selected row only; n keeps it', async () => {
  const t = dash.open(['configmaps']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[\d\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['C-d']);
  await t.waitFor(new RegExp(`Delete configmap/cm-\\d in namespace ${namespace}\\? \\[y/N\\]`));
  t.keys(['n']);
  await t.waitFor(/delete cancelled/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

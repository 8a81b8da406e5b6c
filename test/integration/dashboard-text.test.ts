/**
 * The YAML view as a person reads a long object: `/` search with n and N, and scrolling
 * sideways (h/l, ←/→) to the end of a long line.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, titleLine } from './dashboard-terminal.js';

const dash = new DashboardFixture({ columns: 120, rows: 30, inNamespace: true });

before(async () => {
  const namespace = await dash.createNamespace('ktl-text');
  const filler = Array.from(
    { length: 40 },
    (_, i) => `--from-literal=f${String(i).padStart(2, '0')}=v`,
  );
  await kubectlOk([
    'create',
    'configmap',
    'big',
    '--from-literal=aaa-needle=first',
    ...filler,
    `--from-literal=long=${'x'.repeat(150)}END-OF-LONG-LINE`,
    '--from-literal=zzz-needle=last',
    '-n',
    namespace,
  ]);
});

after(() => dash.cleanUp());

test('/ searches the YAML, n and N go from match to match, l and h scroll sideways', async () => {
  const t = dash.open(['configmaps']);
  await t.waitFor((s) => /^configmaps\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['y']);
  await t.waitFor((s) => /^yaml configmap\/big {2}\[1-/.test(titleLine(s)));
  t.type('/needle');
  t.keys(['Enter']);
  let screen = await t.waitFor((s) => /\/needle \[1\/2\]$/.test(titleLine(s)));
  assert.match(screen.split('\n')[3] ?? '', /^ {2}aaa-needle: first$/);
  t.keys(['n']);
  screen = await t.waitFor((s) => /\/needle \[2\/2\]$/.test(titleLine(s)));
  assert.match(screen, /^ {2}zzz-needle: last$/m);
  assert.doesNotMatch(screen, /aaa-needle/);
  t.keys(['N']);
  await t.waitFor((s) => /\/needle \[1\/2\]$/.test(titleLine(s)));
  // The prompt starts with the search in use, as the table's with its filter.
  t.together(['/', 'C-u', 'nothing-like-this', 'Enter']);
  await t.waitFor(/search: no match for "nothing-like-this"/);

  t.keys(['G']);
  screen = await t.waitFor(/^ {2}long: x+…?$/m);
  assert.doesNotMatch(screen, /END-OF-LONG-LINE/);
  t.together(Array(10).fill('l'));
  screen = await t.waitFor(/xEND-OF-LONG-LINE$/m);
  assert.match(titleLine(screen), / col 101/);
  t.together(Array(10).fill('h'));
  await t.waitFor(/^ {2}long: x+…?$/m);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

/**
 * The dashboard as a view over the lower layers (issue 13) and the wrongs of issue 19: describe
 * is `ktl describe`'s text, `:` arguments in k9s's forms, NO_COLOR, the sort arrow, the
 * connection line of a context that never connected, an invalid filter.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { adminKubeconfig, ktl, kubectlOk, normalizeAges } from '../helpers/cluster.js';
import { DashboardFixture, tableLines, titleLine } from './dashboard-terminal.js';

const dash = new DashboardFixture({ columns: 200, rows: 60 });
let namespace = '';
const open = dash.open.bind(dash);

before(async () => {
  namespace = await dash.createNamespace('ktl-views');
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', namespace]);
  await kubectlOk(['run', 'app-a', '--image=nginx', '--labels=app=app', '-n', namespace]);
  await kubectlOk(['run', 'db-a', '--image=nginx', '--labels=app=db', '-n', namespace]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/app-a', 'pod/db-a', '-n', namespace]);
});

after(() => dash.cleanUp());

/** The text view's body on a screen: the lines after its title, as many as `count`. */
function body(screen: string, count: number): string[] {
  return screen.split('\n').slice(3, 3 + count);
}

/** ktl describe's lines, as the text view draws them (tabs as four spaces, no trailing blanks). */
async function describeLines(kind: string, name: string): Promise<string[]> {
  const result = await ktl(['describe', kind, name, '-n', namespace]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => l.replace(/\t/g, '    ').trimEnd());
}

const same = (lines: string[]): string[] => lines.map((l) => normalizeAges(l).replace(/ +/g, ' '));

test('d shows exactly the text of ktl describe (a Deployment, and a Pod with its Events table)', async () => {
  const t = open(['deploy', '-n', namespace]);
  await t.waitFor((s) => /^deployments\([^)]*\)\[1\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['d']);
  let screen = await t.waitFor((s) => /^describe deployment\/web .*of \d+\]/.test(titleLine(s)));
  let expected = await describeLines('deployment', 'web');
  assert.ok(expected.length < 50, 'the whole text fits on the screen');
  assert.deepEqual(same(body(screen, expected.length)), same(expected));

  t.keys(['Escape']);
  await t.waitFor((s) => /^deployments\(/.test(titleLine(s)));
  t.keys(['Enter']);
  screen = await t.waitFor((s) => /^pods of deployments\/web.*\[1\]/.test(titleLine(s)));
  const pod = (tableLines(screen)[0] ?? '').split(/\s+/)[0] ?? '';
  t.keys(['d']);
  screen = await t.waitFor((s) =>
    new RegExp(`^describe pod/${pod} .*of \\d+\\]`).test(titleLine(s)),
  );
  expected = await describeLines('pod', pod);
  assert.deepEqual(same(body(screen, expected.length)), same(expected));
  assert.match(screen, /^ {2}Type {4}Reason {5}Age\s+From {15}Message$/m, 'Events columns apart');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test(':pods app=app selects by label, :pods NS /db filters rows, :ns nosuchns is refused', async () => {
  const t = open(['-n', namespace]);
  await t.waitFor((s) => /^pods\([^)]*\)\[3\]/.test(titleLine(s)) && /synced/.test(s));
  t.together([':pods app=app', 'Enter']);
  let screen = await t.waitFor((s) => /^pods\([^)]*\)\[1\] {2}app=app$/.test(titleLine(s)));
  assert.deepEqual(
    tableLines(screen).map((l) => l.split(/\s+/)[0]),
    ['app-a'],
  );
  t.together([`:pods ${namespace} /db`, 'Enter']);
  screen = await t.waitFor((s) => /^pods\([^)]*\)\[1\/3\] {2}\/db$/.test(titleLine(s)));
  assert.deepEqual(
    tableLines(screen).map((l) => l.split(/\s+/)[0]),
    ['db-a'],
  );
  t.together([':ns nosuchns', 'Enter']);
  screen = await t.waitFor(/namespace "nosuchns" not found/);
  assert.match(screen.split('\n')[1] ?? '', new RegExp(`^ns: ${namespace}\\s`));
  assert.doesNotMatch(screen.split('\n')[1] ?? '', /nosuchns/, 'not kept as a favourite');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('> onto RESTARTS keeps the header whole; an invalid filter regex is an error, not 0 rows', async () => {
  const t = open(['-n', namespace]);
  await t.waitFor((s) => /^pods\([^)]*\)\[3\]/.test(titleLine(s)) && /synced/.test(s));
  t.type('>>>>');
  let screen = await t.waitFor(/RESTARTS↑/);
  // (with the usage columns once the metrics API has answered)
  assert.match(
    screen,
    /^NAME\s+READY\s+STATUS\s+RESTARTS↑\s+(?:CPU\s+MEM\s+%CPU\/R\s+%MEM\/R\s+)?AGE$/m,
  );
  t.together(['/', 'C-u', 'web-(', 'Enter']);
  screen = await t.waitFor(/filter: .*Unterminated group/);
  assert.match(titleLine(screen), /^pods\([^)]*\)\[3\] {2}\/web-\( {2}\(invalid: /);
  const rows = tableLines(screen).filter((l) => /^(app-a|db-a|web-)\S*\s+1\/1/.test(l));
  assert.equal(rows.length, 3, 'no row is hidden');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('NO_COLOR=1: no colour escape sequences; without it the table is coloured', async () => {
  const colourCode = new RegExp(
    String.raw`\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m`,
  );
  const plain = open(['-n', namespace], { env: { NO_COLOR: '1' } });
  await plain.waitFor((s) => /^pods\([^)]*\)\[3\]/.test(titleLine(s)) && /synced/.test(s));
  assert.doesNotMatch(plain.screenWithEscapes(), colourCode);
  plain.keys(['q']);
  assert.equal(await plain.exited(), 0);
  const coloured = open(['-n', namespace]);
  await coloured.waitFor((s) => /^pods\([^)]*\)\[3\]/.test(titleLine(s)) && /synced/.test(s));
  assert.match(coloured.screenWithEscapes(), colourCode);
  coloured.keys(['q']);
  assert.equal(await coloured.exited(), 0);
});

test('a context that never connected says so (no "stale since"), and its table is not "(no rows)"', async () => {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ktl-dead-')), 'kubeconfig');
  const text = readFileSync(adminKubeconfig, 'utf8');
  writeFileSync(
    kubeconfig,
    text.replace(/server: https:\/\/127\.0\.0\.1:\d+/, 'server: https://127.0.0.1:9'),
  );
  const t = open(['-n', namespace], { kubeconfig });
  const screen = await t.waitFor(/cannot connect · retrying/);
  assert.doesNotMatch(screen, /stale since/);
  assert.doesNotMatch(screen, /\(no rows\)/);
  assert.match(screen, /not connected yet: retrying…|loading…/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

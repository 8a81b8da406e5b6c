import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, tableLines } from './dashboard-terminal.js';

const dash = new DashboardFixture();
let namespace = '';
const open = dash.open.bind(dash);

before(async () => {
  namespace = await dash.createNamespace('ktl-dash');
  await kubectlOk([
    'create',
    'deployment',
    'web',
    '--image=nginx',
    '--replicas=2',
    '-n',
    namespace,
  ]);
  await kubectlOk(['create', 'configmap', 'settings', '--from-literal=mode=fast', '-n', namespace]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
});

after(() => dash.cleanUp());

test('navigate: pods, :deploy with completion, Enter drills into its pods, describe, YAML, Esc back', async () => {
  const t = open(['-n', namespace]);
  let screen = await t.waitFor((s) => /pods\(ktl-dash[^)]*\)\[2\]/.test(s) && /synced/.test(s));
  assert.match(screen, /server: v1\.\d+\.\d+\s+synced/);
  assert.equal(tableLines(screen).filter((l) => /^web-\S+\s+1\/1\s+Running/.test(l)).length, 2);
  t.type(':depl');
  await t.waitFor(/:depl oyments/);
  t.keys(['Tab']);
  await t.waitFor(/^:deployments/m);
  t.keys(['Enter']);
  screen = await t.waitFor(/deployments\([^)]*\)\[1\]/);
  assert.match(tableLines(screen)[0] ?? '', /^web\s+2\/2\s+2\s+2\s/);
  t.keys(['Enter']);
  screen = await t.waitFor(/pods of deployments\/web\([^)]*\)\[2\]/);
  t.keys(['d']);
  // ktl describe's full text (issue 13): its Events section is further down, after G.
  screen = await t.waitFor(/describe pod\/web-\S+ {2}\[1-\d+ of \d+\]/);
  assert.match(screen, /^Name:\s+web-/m);
  assert.match(screen, new RegExp(`^Namespace:\\s+${namespace}`, 'm'));
  assert.match(screen, /^Labels:\s+app=web/m);
  t.keys(['G']);
  await t.waitFor(/^Events:/m);
  t.keys(['Escape']);
  await t.waitFor(/pods of deployments\/web/);
  t.keys(['y']);
  screen = await t.waitFor(/yaml pod\/web-[\s\S]*^kind: Pod$/m);
  assert.match(screen, /^kind: Pod$/m);
  assert.doesNotMatch(screen, /managedFields/);
  t.keys(['Escape']);
  await t.waitFor(/pods of deployments\/web/);
  t.keys(['Escape']);
  await t.waitFor(/deployments\([^)]*\)\[1\]/);
  t.keys(['Escape']);
  await t.waitFor(/pods\(ktl-dash[^)]*\)\[2\]/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('filter: substring, regex, inverse and a label selector; Esc clears', async () => {
  await kubectlOk(['run', 'solo', '--image=nginx', '--labels=tier=solo', '-n', namespace]);
  const t = open(['-n', namespace]);
  await t.waitFor(/pods\([^)]*\)\[3\]/);
  t.type('/solo');
  t.keys(['Enter']);
  let screen = await t.waitFor(/\[1\/3\]\s+\/solo/);
  assert.match(tableLines(screen)[0] ?? '', /^solo\s/);
  t.type('/');
  t.keys(['C-u']);
  t.type('!^web-');
  t.keys(['Enter']);
  screen = await t.waitFor(/\[1\/3\]\s+\/!\^web-/);
  assert.match(tableLines(screen)[0] ?? '', /^solo\s/);
  t.type('/');
  t.keys(['C-u']);
  t.type('-l app=web');
  t.keys(['Enter']);
  screen = await t.waitFor(/\[2\]\s+\/-l app=web/);
  assert.ok(tableLines(screen).every((l) => l.startsWith('web-')));
  t.keys(['Escape']);
  await t.waitFor(/pods\([^)]*\)\[3\]$/m);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
  await kubectlOk(['delete', 'pod', 'solo', '-n', namespace, '--wait=false']);
});

test('delete a pod with confirmation and see it go; --readonly refuses', async () => {
  const ro = open(['-n', namespace, '--readonly']);
  await ro.waitFor(/pods\([^)]*\)\[[1-9]\d*\]/);
  ro.keys(['C-d']);
  await ro.waitFor(/read-only: delete is disabled/);
  ro.keys(['q']);
  assert.equal(await ro.exited(), 0);

  const t = open(['-n', namespace]);
  let screen = await t.waitFor(
    (s) => tableLines(s).filter((l) => /^web-\S+\s+1\/1\s+Running/.test(l)).length === 2,
  );
  t.type('/web');
  t.keys(['Enter']);
  screen = await t.waitFor(/\/web/);
  const victim = (tableLines(screen)[0] ?? '').split(/\s+/)[0] ?? '';
  assert.match(victim, /^web-/);
  t.keys(['C-d']);
  await t.waitFor(new RegExp(`Delete pod/${victim} in namespace ${namespace}\\? \\[y/N\\]`));
  t.keys(['y']);
  const started = Date.now();
  await t.waitFor((s) => !s.includes(victim), 15_000);
  const seconds = (Date.now() - started) / 1000;
  await t.waitFor(
    (s) => tableLines(s).filter((l) => /^web-\S+\s+1\/1\s+Running/.test(l)).length === 2,
    20_000,
  );
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
  const names = await kubectlOk(['get', 'pods', '-n', namespace, '-o', 'name']);
  assert.ok(!names.includes(victim), `${victim} is gone from the server (${seconds}s on screen)`);
});

test('scale a deployment and see the pods appear; restart stamps the template', async () => {
  const t = open(['deploy', '-n', namespace]);
  await t.waitFor(/deployments\([^)]*\)\[1\]/);
  t.keys(['s']);
  await t.waitFor(/Scale deployment\/web to replicas: 2/);
  t.keys(['BSpace']);
  t.type('4');
  t.keys(['Enter']);
  await t.waitFor(/deployment\/web scaled to 4/);
  await t.waitFor((s) => /^web\s+4\/4\s+4\s+4\s/m.test(s), 30_000);
  t.type(':pods');
  t.keys(['Enter']);
  await t.waitFor(
    (s) => tableLines(s).filter((l) => /^web-\S+\s+1\/1\s+Running/.test(l)).length === 4,
    30_000,
  );
  t.keys(['Escape']);
  await t.waitFor(/deployments\([^)]*\)\[1\]/);
  t.keys(['r']);
  await t.waitFor(/Restart deployment\/web\? \[y\/N\]/);
  t.keys(['y']);
  await t.waitFor(/deployment\/web restarted/);
  const stamp = await kubectlOk([
    'get',
    'deploy',
    'web',
    '-n',
    namespace,
    '-o',
    "jsonpath={.spec.template.metadata.annotations['kubectl\\.kubernetes\\.io/restartedAt']}",
  ]);
  assert.match(stamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
  await kubectlOk(['scale', 'deployment', 'web', '--replicas=2', '-n', namespace]);
});

test('resize to 40 columns and back: no line wider than the terminal, header and rows intact', async () => {
  const t = open(['-n', namespace], { columns: 120, rows: 20 });
  await t.waitFor(/pods\([^)]*\)\[[1-9]\d*\]/);
  t.resize(40, 20);
  let screen = await t.waitFor(
    (s) =>
      s.split('\n').every((l) => l.length <= 40) && /^ctx: /.test(s) && /^NAME\s+READY/m.test(s),
  );
  assert.ok(screen.trimEnd().split('\n').length <= 20, 'never taller than the terminal');
  t.resize(120, 20);
  screen = await t.waitFor(
    // (with the usage columns once the metrics API has answered)
    (s) =>
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+(?:CPU\s+MEM\s+%CPU\/R\s+%MEM\/R\s+)?AGE/m.test(s) &&
      /server: v1/.test(s),
  );
  assert.equal((screen.match(/^ctx: /gm) ?? []).length, 1, 'one header, no leftovers');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('the normal screen comes back on q, Ctrl-C and SIGTERM (exit codes 0, 0, 143)', async () => {
  for (const [how, code] of [
    ['q', 0],
    ['C-c', 0],
    ['SIGTERM', 143],
  ] as const) {
    const t = open(['-n', namespace]);
    await t.waitFor(/pods\([^)]*\)\[[1-9]\d*\]/);
    assert.doesNotMatch(
      t.screen(),
      /NORMAL-SCREEN-MARKER/,
      'the dashboard is on the alternate screen',
    );
    if (how === 'SIGTERM') process.kill(t.pid(), 'SIGTERM');
    else t.keys([how]);
    assert.equal(await t.exited(), code, how);
    const screen = await t.waitFor(/EXITED/);
    assert.match(screen, /^NORMAL-SCREEN-MARKER$/m, `${how}: the normal screen is back`);
    assert.doesNotMatch(screen, /pods\(/, `${how}: nothing of the dashboard is left`);
    t.close();
  }
});

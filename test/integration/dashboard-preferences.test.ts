/**
 * ktl's preferences file (`~/.kube/ktl-preferences.yaml`, here through KTL_PREFERENCES) as the
 * dashboard reads it: the first view, keys and colours; what it cannot use is said, not fatal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, lineStyles, titleLine } from './dashboard-terminal.js';

const dash = new DashboardFixture({ columns: 140, rows: 40, inNamespace: true });
const dir = mkdtempSync(join(tmpdir(), 'ktl-prefs-'));

/** Writes a preferences file and returns the env that points the dashboard at it. */
function preferences(name: string, yaml: string): Record<string, string> {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return { KTL_PREFERENCES: file };
}

before(async () => {
  const namespace = await dash.createNamespace('ktl-prefs');
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', namespace]);
});

after(async () => {
  await dash.cleanUp();
  rmSync(dir, { recursive: true, force: true });
});

test('defaultView, keys and colors: the dashboard opens on deployments, quits with x, titles in magenta', async () => {
  const env = preferences(
    'good.yaml',
    `apiVersion: ktl.dev/v1alpha1
kind: Preferences
dashboard:
  defaultView: deploy
  keys: {quit: x, row.describe: D}
  colors: {title: magenta}
`,
  );
  const t = dash.open([], { env });
  await t.waitFor((s) => /^deployments\([^)]*\)\[1\]/.test(titleLine(s)) && /synced/.test(s));
  const [title] = lineStyles(t.screenWithEscapes()).slice(2, 3);
  assert.equal(title?.foreground, 35, 'the title is magenta');
  // q no longer quits, and the help lists the keys as bound.
  t.keys(['q', '?']);
  const help = await t.waitFor(/^ {2}x +quit$/m);
  assert.match(help, /^ {2}D +describe$/m);
  assert.doesNotMatch(help, /^ {2}q +quit$/m);
  t.keys(['Escape', 'D']);
  await t.waitFor((s) => /^describe deployment\/web/.test(titleLine(s)));
  t.keys(['Escape', 'x']);
  assert.equal(await t.exited(), 0);
});

test('a type the server does not have, an unknown action and an unknown role are said; pods open', async () => {
  const env = preferences(
    'bad.yaml',
    `apiVersion: ktl.dev/v1alpha1
kind: Preferences
dashboard:
  defaultView: nosuchtype
  keys: {nosuch: z}
  colors: {nosuchrole: red}
`,
  );
  const t = dash.open([], { env, columns: 200 });
  const screen = await t.waitFor((s) => /^pods\(/.test(titleLine(s)) && /defaultView/.test(s));
  const footer = screen.trimEnd().split('\n').at(-1) ?? '';
  assert.match(
    footer,
    /dashboard\.defaultView: the server doesn't have a resource type "nosuchtype"/,
  );
  assert.match(footer, /dashboard\.keys\.nosuch: no such action/);
  assert.match(footer, /dashboard\.colors\.nosuchrole: no such role/);
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('a type given on the command line wins over defaultView', async () => {
  const env = preferences(
    'view.yaml',
    'apiVersion: ktl.dev/v1alpha1\nkind: Preferences\ndashboard: {defaultView: deployments}\n',
  );
  const t = dash.open(['pods'], { env });
  await t.waitFor((s) => /^pods\(/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

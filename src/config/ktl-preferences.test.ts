import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { emptyKtlPreferences, loadKtlPreferences } from './ktl-preferences.js';

const home = mkdtempSync(join(tmpdir(), 'ktl-prefs-'));
after(() => rmSync(home, { recursive: true, force: true }));
mkdirSync(join(home, '.kube'));
const file = join(home, '.kube', 'ktl-preferences.yaml');

async function load(text: string | undefined, env: NodeJS.ProcessEnv = { HOME: home }) {
  rmSync(file, { force: true });
  if (text !== undefined) writeFileSync(file, text);
  const warnings: string[] = [];
  const preferences = await loadKtlPreferences(env, (w) => warnings.push(w));
  return { preferences, warnings };
}

test('a missing file gives no preferences and no warning', async () => {
  assert.deepEqual(await load(undefined), { preferences: emptyKtlPreferences(), warnings: [] });
});

test('the dashboard section: default view, keys and colours', async () => {
  const { preferences, warnings } = await load(`apiVersion: ktl.dev/v1alpha1
kind: Preferences
dashboard:
  defaultView: deployments
  keys: { quit: x, filter: "/" }
  colors: { header: magenta }
`);
  assert.deepEqual(warnings, []);
  assert.deepEqual(preferences.dashboard, {
    defaultView: 'deployments',
    keys: { quit: 'x', filter: '/' },
    colors: { header: 'magenta' },
  });
});

test('wrong types are skipped one by one, with a warning naming the field', async () => {
  const { preferences, warnings } = await load(`apiVersion: ktl.dev/v1alpha1
kind: Preferences
dashboard:
  defaultView: 3
  keys: { quit: 1, filter: f }
  colors: [red]
`);
  assert.deepEqual(preferences.dashboard, { keys: { filter: 'f' }, colors: {} });
  assert.equal(warnings.length, 3);
  assert.match(warnings[0] ?? '', /dashboard\.defaultView ignored: not a string/);
  assert.match(warnings[1] ?? '', /dashboard\.keys\.quit ignored/);
});

test('another kind of document, or broken YAML, is ignored with a warning', async () => {
  const other = await load('apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n');
  assert.deepEqual(other.preferences, emptyKtlPreferences());
  assert.match(
    other.warnings[0] ?? '',
    /expected apiVersion ktl\.dev\/v1alpha1 and kind Preferences/,
  );
  const broken = await load('dashboard: [\n');
  assert.equal(broken.warnings.length, 1);
});

test('KTL_PREFERENCES names another file, or turns them off', async () => {
  const other = join(home, 'other.yaml');
  writeFileSync(
    other,
    'apiVersion: ktl.dev/v1alpha1\nkind: Preferences\ndashboard: { defaultView: nodes }\n',
  );
  const named = await load(undefined, { HOME: home, KTL_PREFERENCES: other });
  assert.equal(named.preferences.dashboard.defaultView, 'nodes');
  const off = await load('not: [yaml', { HOME: home, KTL_PREFERENCES: 'off' });
  assert.deepEqual(off, { preferences: emptyKtlPreferences(), warnings: [] });
  const missing = await load(undefined, { HOME: home, KTL_PREFERENCES: join(home, 'nope') });
  assert.match(missing.warnings[0] ?? '', /no such file or directory/);
});

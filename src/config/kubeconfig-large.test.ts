import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadKubeConfig } from './kubeconfig-loader.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ktl-kubeconfig-large-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// `yaml`'s Document for a kubeconfig took about 100 bytes of heap per byte of text (and 15 s of
// CPU for 10 MB); read as plain values it fits a small heap. 26,000 extensions make 3 MB.
const CHILD = `
import { writeFileSync } from 'node:fs';
import { kubeconfigText } from './scripts/bench/big-kubeconfig.mjs';
import { loadKubeConfig } from './src/config/kubeconfig-loader.ts';
const file = process.argv.at(-1);
writeFileSync(file, kubeconfigText(26000));
const config = await loadKubeConfig(file, {}, undefined);
const token = config.users.get('big')?.value.token;
console.log(JSON.stringify({ extensions: config.extensions.length, token, last: config.extensions.at(-1)?.name }));
`;

test('a 3 MB kubeconfig with 26,000 extensions loads in a 64 MB heap', () => {
  const file = join(dir, 'big-kubeconfig');
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=64', '--import', 'tsx', '--input-type=module', '-e', CHILD, file],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(child.status, 0, child.stderr.slice(-2000));
  assert.deepEqual(JSON.parse(child.stdout), {
    extensions: 26000,
    token: 'abcdef0123456789',
    last: 'ext-25999',
  });
});

test('a kubeconfig key written twice: the last one counts, as before', async () => {
  const file = join(dir, 'twice');
  writeFileSync(file, 'current-context: a\ncurrent-context: b\n');
  assert.equal((await loadKubeConfig(file, {})).currentContext, 'b');
});

test('invalid YAML in a kubeconfig: the message names the file and line', async () => {
  const file = join(dir, 'bad');
  writeFileSync(file, 'clusters:\n- name: a\n  cluster: {server: x\n');
  await assert.rejects(loadKubeConfig(file, {}), (error: Error) => {
    assert.match(error.message, /^error loading config file "[^"]*bad": yaml: line \d+: .+$/);
    return true;
  });
});

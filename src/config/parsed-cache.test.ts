import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadKubeConfig } from './kubeconfig-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-parsed-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const secrets = ['s3cr3t-token-1', 'pa55word', 'LS0tS0VZLS0t', 'id-tok-xyz', "re'fresh"];

function kubeconfig(token: string): string {
  return `apiVersion: v1
kind: Config
users:
- name: a
  user:
    token: ${token}
- name: b
  user:
    username: bob
    password: "pa55word"
    client-key-data: LS0tS0VZLS0t
- name: c
  user:
    auth-provider:
      name: oidc
      config:
        id-token: 'id-tok-xyz'
        refresh-token: "re'fresh"
        extra: 5
`;
}

function cacheText(cache: string): string {
  const entries = join(cache, 'ktl-kubeconfig');
  return readdirSync(entries)
    .map((f) => readFileSync(join(entries, f), 'utf8'))
    .join('\n');
}

test('the parsed-kubeconfig cache holds no static credential, and a hit restores them', async () => {
  const cache = join(dir, 'cache-1');
  const file = join(dir, 'config-1');
  writeFileSync(file, kubeconfig('s3cr3t-token-1'));
  const cold = await loadKubeConfig(file, {}, cache);
  const warm = await loadKubeConfig(file, {}, cache);
  const text = cacheText(cache);
  for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} is in the cache`);
  assert.deepEqual(warm.users, cold.users);
  assert.equal((warm.users.get('a')?.value as { token: string }).token, 's3cr3t-token-1');
  const provider = warm.users.get('c')?.value as { 'auth-provider': { config: object } };
  assert.deepEqual(provider['auth-provider'].config, {
    'id-token': 'id-tok-xyz',
    'refresh-token': "re'fresh",
    extra: 5,
  });
});

test('a rotated credential leaves one entry per file, and old-format entries are removed', async () => {
  const cache = join(dir, 'cache-2');
  const file = join(dir, 'config-2');
  writeFileSync(file, kubeconfig('old-token'));
  await loadKubeConfig(file, {}, cache);
  const legacy = join(cache, 'ktl-kubeconfig', `${'a'.repeat(64)}.json`);
  writeFileSync(legacy, '{"users":[{"name":"a","user":{"token":"legacy-token"}}]}');
  writeFileSync(file, kubeconfig('new-token'));
  const loaded = await loadKubeConfig(file, {}, cache);
  assert.equal((loaded.users.get('a')?.value as { token: string }).token, 'new-token');
  assert.equal(readdirSync(join(cache, 'ktl-kubeconfig')).length, 1);
  assert.ok(!cacheText(cache).includes('legacy-token'));
});

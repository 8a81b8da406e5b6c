/**
 * The oidc auth-provider. A tiny issuer in the test serves discovery and a token endpoint; it
 * hands out the cluster's admin static token as the "refreshed id-token", so a request that
 * succeeds against the real API server proves the refreshed token was the one sent. The
 * expiry check only runs on the kubeconfig's (expired, JWT) token.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { clusterEnv, kubectl, ktl } from '../helpers/cluster.js';
import { singleContextKubeconfig } from '../helpers/kubeconfig.js';

const env = clusterEnv();

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.c2lnbmF0dXJl`;
}

function writeKubeconfig(dir: string, config: Record<string, string>): string {
  const file = join(dir, 'kubeconfig');
  const lines = Object.entries(config)
    .map(([k, v]) => `        ${k}: "${v}"`)
    .join('\n');
  const userYaml = `    auth-provider:\n      name: oidc\n      config:\n${lines}`;
  const contents = singleContextKubeconfig({
    server: env['KTL_API_SERVER'] ?? '',
    clusterYaml: `    certificate-authority: ${join(env['KTL_PKI_DIR'] ?? '', 'ca.crt')}`,
    user: 'oidc-user',
    userYaml,
  });
  writeFileSync(file, contents, { mode: 0o600 });
  return file;
}

test('an expired id-token is refreshed at the issuer, used, and written back to kubeconfig', async (t) => {
  const seen: string[] = [];
  const issuer = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${body}`);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: base, token_endpoint: `${base}/token` }));
      } else {
        res.end(
          JSON.stringify({
            id_token: env['KTL_ADMIN_TOKEN'],
            refresh_token: 'rotated-refresh',
            token_type: 'Bearer',
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
  t.after(() => issuer.close());
  const base = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'ktl-oidc-'));
  const file = writeKubeconfig(dir, {
    'idp-issuer-url': base,
    'client-id': 'ktl',
    'client-secret': 'shh',
    'id-token': jwt({ iss: base, exp: Math.floor(Date.now() / 1000) - 60 }),
    'refresh-token': 'first-refresh',
  });
  const result = await ktl([
    'get',
    '--raw',
    '/api/v1/namespaces/default/secrets',
    '--kubeconfig',
    file,
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(seen.length, 2);
  assert.match(seen[0] ?? '', /^GET \/.well-known\/openid-configuration/);
  const basic = `Basic ${Buffer.from('ktl:shh').toString('base64')}`;
  assert.equal(
    seen[1],
    `POST /token ${basic} grant_type=refresh_token&refresh_token=first-refresh`,
  );
  const written = parse(readFileSync(file, 'utf8')) as {
    users: Array<{ user: { 'auth-provider': { config: Record<string, string> } } }>;
  };
  const config = written.users[0]?.user['auth-provider'].config ?? {};
  assert.equal(config['id-token'], env['KTL_ADMIN_TOKEN']);
  assert.equal(config['refresh-token'], 'rotated-refresh');
  assert.equal(config['client-secret'], 'shh');
  assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('a valid id-token is sent as is (the cluster rejects it: 401), and no refresh happens', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-oidc-'));
  const file = writeKubeconfig(dir, {
    'idp-issuer-url': 'http://127.0.0.1:1',
    'client-id': 'ktl',
    'id-token': jwt({ exp: Math.floor(Date.now() / 1000) + 3600 }),
    'refresh-token': 'unused',
  });
  const before = readFileSync(file, 'utf8');
  const args = ['get', '--raw', '/api', '--kubeconfig', file];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.stderr, 'error: You must be logged in to the server (Unauthorized)\n');
  assert.equal(theirs.stderr, mine.stderr);
  assert.equal(readFileSync(file, 'utf8'), before);
});

test("an expired id-token without a refresh-token: kubectl's error", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-oidc-'));
  const file = writeKubeconfig(dir, {
    'idp-issuer-url': 'http://127.0.0.1:1',
    'client-id': 'ktl',
    'id-token': jwt({ exp: 1000 }),
  });
  const args = ['get', '--raw', '/api', '--kubeconfig', file];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.code, 1);
  assert.equal(
    mine.stderr,
    'Unable to connect to the server: No valid id-token, and cannot refresh without refresh-token\n',
  );
  assert.equal(theirs.stderr, mine.stderr);
});

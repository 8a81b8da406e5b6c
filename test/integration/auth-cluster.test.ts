/**
 * Authentication against the real control plane, compared with kubectl where both should fail
 * the same way: client certificate, bearer token, tokenFile, impersonation, a wrong CA, a
 * closed port, and secrets kept out of -v=9 logs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  adminKubeconfig,
  clusterEnv,
  kubectl,
  ktl,
  repoRoot,
  viewerKubeconfig,
} from '../helpers/cluster.js';
import { singleContextKubeconfig } from '../helpers/kubeconfig.js';

const env = clusterEnv();
const server = env['KTL_API_SERVER'] ?? '';
const caFile = join(env['KTL_PKI_DIR'] ?? '', 'ca.crt');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ktl-auth-'));
}

/** A kubeconfig for the local cluster with the given user stanza (YAML lines under `user:`). */
function kubeconfigWith(
  dir: string,
  userYaml: string,
  clusterExtra = `    certificate-authority: ${caFile}`,
): string {
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, singleContextKubeconfig({ server, clusterYaml: clusterExtra, userYaml }));
  return file;
}

test('admin client certificate: get --raw /version answers like kubectl', async () => {
  const [mine, theirs] = await Promise.all([
    ktl(['get', '--raw', '/version']),
    kubectl(['get', '--raw', '/version']),
  ]);
  assert.equal(mine.code, 0, mine.stderr);
  assert.equal(mine.stdout, theirs.stdout);
});

test('viewer bearer token: reads work, secrets are Forbidden in kubectl words', async () => {
  const opts = { env: { KUBECONFIG: viewerKubeconfig } };
  const ok = await ktl(['get', '--raw', '/api/v1/namespaces/default/configmaps'], opts);
  assert.equal(ok.code, 0, ok.stderr);
  const args = ['get', '--raw', '/api/v1/namespaces/default/secrets'];
  const [mine, theirs] = await Promise.all([ktl(args, opts), kubectl(args, opts)]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, theirs.stderr);
  assert.match(
    mine.stderr,
    /^Error from server \(Forbidden\): secrets is forbidden: User "ktl-viewer" cannot list resource "secrets"/,
  );
});

test('viewer token: creating is Forbidden with kubectl wording', async () => {
  const opts = { env: { KUBECONFIG: viewerKubeconfig } };
  const args = ['create', 'configmap', `ktl-auth-${process.pid}`, '-n', 'default'];
  const [mine, theirs] = await Promise.all([ktl(args, opts), kubectl(args, opts)]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, theirs.stderr);
  assert.match(
    mine.stderr,
    /^error: failed to create configmap: configmaps is forbidden|^Error from server \(Forbidden\)/,
  );
});

test('a wrong bearer token is Unauthorized in kubectl words', async () => {
  const args = [
    'get',
    '--raw',
    '/api/v1/namespaces',
    '--token',
    'not-a-real-token',
    '--kubeconfig',
    viewerKubeconfig,
  ];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, 'error: You must be logged in to the server (Unauthorized)\n');
  assert.equal(theirs.stderr, mine.stderr);
});

test('tokenFile: relative to the kubeconfig, read at request time', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'token'), `${env['KTL_ADMIN_TOKEN']}\n`);
  const file = kubeconfigWith(dir, '    tokenFile: token');
  const result = await ktl([
    'get',
    '--raw',
    '/api/v1/namespaces/default/secrets',
    '--kubeconfig',
    file,
  ]);
  assert.equal(result.code, 0, result.stderr);
  writeFileSync(join(dir, 'token'), `${env['KTL_VIEWER_TOKEN']}\n`);
  const after = await ktl([
    'get',
    '--raw',
    '/api/v1/namespaces/default/secrets',
    '--kubeconfig',
    file,
  ]);
  assert.equal(after.code, 1);
  assert.match(after.stderr, /User "ktl-viewer" cannot list resource "secrets"/);
});

test('impersonation: --as a user without rights gives the same Forbidden as kubectl', async () => {
  const args = [
    'get',
    '--raw',
    '/api/v1/namespaces/default/pods',
    '--as',
    'nobody-in-particular',
    '--as-group',
    'some-group',
  ];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, theirs.stderr);
  assert.match(mine.stderr, /User "nobody-in-particular" cannot list resource "pods"/);
  const viewer = await ktl([
    'get',
    '--raw',
    '/api/v1/namespaces/default/pods',
    '--as',
    'ktl-viewer',
  ]);
  assert.equal(viewer.code, 0, viewer.stderr);
});

test('a CA that did not sign the server certificate: a clear TLS error, as kubectl', async () => {
  const dir = tempDir();
  const otherCa = join(repoRoot, 'test/fixtures/kubeconfig/other-ca.crt');
  const file = kubeconfigWith(
    dir,
    `    token: ${env['KTL_ADMIN_TOKEN']}`,
    `    certificate-authority: ${otherCa}`,
  );
  const args = ['get', '--raw', '/version', '--kubeconfig', file];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.code, 1);
  assert.equal(
    mine.stderr,
    'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n',
  );
  assert.equal(theirs.stderr, mine.stderr);
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('a server that is not there: connection refused in kubectl words', async () => {
  const port = await closedPort();
  const args = [
    'get',
    '--raw',
    '/version',
    '-s',
    `https://127.0.0.1:${port}`,
    '--insecure-skip-tls-verify',
  ];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.code, 1);
  assert.equal(
    mine.stderr,
    `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`,
  );
  assert.equal(theirs.stderr, mine.stderr);
});

test('-v=9 masks the bearer token and never prints a client key or password', async () => {
  const token = env['KTL_VIEWER_TOKEN'] ?? '';
  const viewer = await ktl(['get', '--raw', '/version', '-v=9'], {
    env: { KUBECONFIG: viewerKubeconfig },
  });
  assert.equal(viewer.code, 0, viewer.stderr);
  assert.match(viewer.stderr, /authorization: Bearer <masked>/i);
  assert.equal(viewer.stderr.includes(token), false);
  const basic = await ktl([
    'get',
    '--raw',
    '/version',
    '-v=9',
    '--username',
    'someone',
    '--password',
    'hunter2-secret',
    '--kubeconfig',
    viewerKubeconfig,
    '--token',
    '',
  ]);
  assert.equal(basic.stderr.includes('hunter2-secret'), false);
  const admin = await ktl(['get', '--raw', '/version', '-v=9'], {
    env: { KUBECONFIG: adminKubeconfig },
  });
  assert.equal(admin.code, 0, admin.stderr);
  assert.doesNotMatch(admin.stderr, /PRIVATE KEY|client-key/);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { adminKubeconfig, ktl, kubectlOk, viewerKubeconfig } from '../helpers/cluster.js';

test('version prints the client and the server version, as kubectl reports the server', async () => {
  const server = JSON.parse(await kubectlOk(['version', '-o', 'json'])) as {
    serverVersion: { gitVersion: string };
  };
  const result = await ktl(['version']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Client Version: v\d+\.\d+\.\d+/);
  assert.ok(
    result.stdout.includes(`Server Version: ${server.serverVersion.gitVersion}\n`),
    result.stdout,
  );
});

test('version -o json and -o yaml carry the same server version as /version', async () => {
  const raw = JSON.parse(await kubectlOk(['get', '--raw', '/version'])) as Record<string, string>;
  const json = await ktl(['version', '-o', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as {
    serverVersion: Record<string, string>;
    clientVersion: Record<string, string>;
  };
  assert.deepEqual(parsed.serverVersion, raw);
  assert.equal(
    parsed.clientVersion['platform'],
    `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  );
  const yaml = await ktl(['version', '-o', 'yaml']);
  assert.equal(yaml.code, 0, yaml.stderr);
  assert.ok(yaml.stdout.includes(`  gitVersion: ${raw['gitVersion']}\n`), yaml.stdout);
  assert.ok(
    yaml.stdout.includes(`  major: "${raw['major']}"\n`),
    'a numeric-looking string stays quoted, as go-yaml prints it',
  );
});

test('get --raw returns the body byte for byte as kubectl does', async () => {
  for (const path of ['/version', '/api', '/apis/apps/v1', '/api/v1/namespaces/default']) {
    const expected = await kubectlOk(['get', '--raw', path]);
    const result = await ktl(['get', '--raw', path]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, expected, path);
  }
});

test('get --raw of a missing path fails with kubectl wording and exit 1', async () => {
  const result = await ktl(['get', '--raw', '/api/v1/namespaces/default/pods/does-not-exist']);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, 'Error from server (NotFound): pods "does-not-exist" not found\n');
});

test("the bearer-token viewer gets kubectl's Forbidden message on a write path", async () => {
  const result = await ktl(['get', '--raw', '/api/v1/nodes'], {
    env: { KUBECONFIG: viewerKubeconfig },
  });
  // The view ClusterRole does not include nodes.
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /^Error from server \(Forbidden\): nodes is forbidden: User "[^"]+" cannot list resource "nodes" in API group "" at the cluster scope\n$/,
  );
});

test('a closed port gives the connection-refused message, never a stack trace', async () => {
  const port = await closedPort();
  const result = await ktl([
    'version',
    '--kubeconfig',
    adminKubeconfig,
    '-s',
    `https://127.0.0.1:${port}`,
  ]);
  assert.equal(result.code, 1);
  assert.ok(result.stdout.startsWith('Client Version: '));
  assert.equal(
    result.stderr,
    `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`,
  );
});

test('version --client never reads the kubeconfig or the network', async () => {
  const result = await ktl(['version', '--client'], {
    env: { KUBECONFIG: '/nonexistent/kubeconfig' },
  });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Client Version: v/);
  assert.ok(readFileSync(adminKubeconfig, 'utf8').includes('client-certificate-data'));
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 1;
      server.close(() => resolve(port));
    });
  });
}

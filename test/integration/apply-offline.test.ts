/**
 * Client-side validation works offline from a warm cache: the discovery and OpenAPI documents
 * fetched once through a TCP proxy in front of the real API server still serve
 * `apply --dry-run=client` after the proxy is gone.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clusterEnv, ktl } from '../helpers/cluster.js';

function tcpProxy(targetPort: number): Promise<{ server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, sockets })),
  );
}

const manifest = (replicas: string, field: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: offline
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: offline}
  template:
    metadata:
      labels: {app: offline}
    spec:
      containers:
      - name: c
        image: nginx
        ${field}: Always
`;

test('apply --dry-run=client validates from the warm cache with no server reachable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-offline-'));
  const bad = join(dir, 'bad.yaml');
  const good = join(dir, 'good.yaml');
  writeFileSync(bad, manifest('"three"', 'imagePullPolcy'));
  writeFileSync(good, manifest('3', 'imagePullPolicy'));
  const proxy = await tcpProxy(Number(clusterEnv()['KTL_API_PORT']));
  const port = (proxy.server.address() as AddressInfo).port;
  const env = { KUBECACHEDIR: join(dir, 'cache') };
  const server = ['-s', `https://127.0.0.1:${port}`, '--tls-server-name', 'localhost'];
  const online = await ktl(['apply', '-f', bad, '--dry-run=server', ...server], { env });
  assert.equal(online.code, 1);
  proxy.server.close();
  for (const socket of proxy.sockets) socket.destroy();

  const offline = await ktl(['apply', '-f', bad, '--dry-run=client', ...server], { env });
  assert.equal(offline.code, 1);
  assert.equal(offline.stderr, online.stderr, 'the same problems, located the same way, offline');
  assert.match(
    offline.stderr,
    new RegExp(
      `${bad}:6:3 \\(document 1, Deployment/offline\\): spec\\.replicas: expected an integer`,
    ),
  );
  assert.match(offline.stderr, /did you mean "imagePullPolicy"\?/);

  const fixed = await ktl(['apply', '-f', good, '--dry-run=client', '-o', 'name', ...server], {
    env,
  });
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.equal(fixed.stdout, 'deployment.apps/offline\n');
});

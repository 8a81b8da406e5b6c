import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { RestConfig } from '../config/rest-config.js';
import { HttpClient } from './http-client.js';

/**
 * A server that answers the first request on each connection with keep-alive and then resets
 * the connection when a second request arrives on it, as a server that dropped an idle
 * connection does just as the client reuses it.
 */
async function droppingServer(): Promise<{
  port: number;
  connections: () => number;
  close: () => void;
}> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    let requests = 0;
    socket.on('data', (chunk) => {
      if (!chunk.includes('\r\n\r\n')) return;
      requests++;
      if (requests === 1)
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}',
        );
      else socket.resetAndDestroy();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => server.close(),
  };
}

function restConfig(port: number): RestConfig {
  return {
    host: `http://127.0.0.1:${port}`,
    contextName: 'c',
    clusterName: 'c',
    userName: 'u',
    namespace: 'default',
    namespaceExplicit: false,
    tls: { insecure: false },
    impersonate: { groups: [], extra: {} },
    disableCompression: true,
    timeoutMs: 0,
  };
}

test(
  'a GET on a pooled connection the server reset is sent again at once on a new one',
  { timeout: 20_000 },
  async () => {
    const server = await droppingServer();
    // the older reset-retry path waits retryDelayMs; a minute makes the test time out without the fix
    const client = new HttpClient(restConfig(server.port), {
      userAgent: 'ktl-test',
      retryDelayMs: 60_000,
    });
    try {
      assert.equal((await client.request({ path: '/a' })).status, 200);
      assert.equal((await client.request({ path: '/b' })).status, 200);
      assert.equal(server.connections(), 2);
    } finally {
      client.close();
      server.close();
    }
  },
);

test('a POST on a reset pooled connection is not replayed', { timeout: 20_000 }, async () => {
  const server = await droppingServer();
  const client = new HttpClient(restConfig(server.port), {
    userAgent: 'ktl-test',
    retryDelayMs: 0,
  });
  try {
    assert.equal((await client.request({ path: '/a' })).status, 200);
    await assert.rejects(client.request({ path: '/b', method: 'POST', body: '{}' }));
    assert.equal(server.connections(), 1);
  } finally {
    client.close();
    server.close();
  }
});

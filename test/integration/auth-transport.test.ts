/**
 * Transport: reaching the real API server through a proxy (cluster proxy-url, HTTPS_PROXY
 * with NO_PROXY), and client-go's retry rules against a tiny local server (counted requests,
 * Retry-After: 0, so no timing is asserted).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminKubeconfig, clusterEnv, ktl } from '../helpers/cluster.js';

const env = clusterEnv();
const apiPort = env['KTL_API_PORT'] ?? '';

/** A CONNECT proxy that sends every tunnel to the local API server and records the targets. */
async function startProxy(t: {
  after: (fn: () => unknown) => void;
}): Promise<{ url: string; targets: string[] }> {
  const targets: string[] = [];
  const proxy = createServer();
  proxy.on('connect', (req, client, head) => {
    targets.push(req.url ?? '');
    const upstream = net.connect(Number(apiPort), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    proxy.closeAllConnections();
    proxy.close();
  });
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, targets };
}

test('cluster proxy-url: requests go through the proxy (even to a loopback server)', async (t) => {
  const proxy = await startProxy(t);
  const dir = mkdtempSync(join(tmpdir(), 'ktl-proxy-'));
  const file = join(dir, 'kubeconfig');
  const view = await ktl(['config', 'view', '--raw', '-o', 'json'], {
    env: { KUBECONFIG: adminKubeconfig },
  });
  const config = JSON.parse(view.stdout) as {
    clusters: Array<{ cluster: Record<string, unknown> }>;
  };
  const cluster = config.clusters[0]?.cluster ?? {};
  cluster['proxy-url'] = proxy.url;
  writeFileSync(file, JSON.stringify(config));
  const result = await ktl(['get', '--raw', '/version', '--kubeconfig', file]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(proxy.targets, [`127.0.0.1:${apiPort}`]);
});

test('HTTPS_PROXY is used for a non-loopback host; NO_PROXY (domain or CIDR) bypasses it', async (t) => {
  const proxy = await startProxy(t);
  // The apiserver certificate names kubernetes.default.svc; only the proxy can resolve it.
  const args = ['get', '--raw', '/version', '-s', `https://kubernetes.default.svc:${apiPort}`];
  const viaProxy = await ktl(args, {
    env: { HTTPS_PROXY: proxy.url, NO_PROXY: '10.0.0.0/8,example.com' },
  });
  assert.equal(viaProxy.code, 0, viaProxy.stderr);
  assert.deepEqual(proxy.targets, [`kubernetes.default.svc:${apiPort}`]);
  const bypassed = await ktl(args, { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '.svc' } });
  assert.equal(bypassed.code, 1);
  assert.match(bypassed.stderr, /kubernetes\.default\.svc/);
  assert.equal(proxy.targets.length, 1);
  const loopback = await ktl(['get', '--raw', '/version'], { env: { HTTPS_PROXY: proxy.url } });
  assert.equal(loopback.code, 0, loopback.stderr);
  assert.equal(proxy.targets.length, 1);
});

test("an unsupported proxy-url scheme is refused with client-go's message", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-proxy-'));
  const file = join(dir, 'kubeconfig');
  writeFileSync(
    file,
    `clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\n    proxy-url: ftp://proxy:21\ncontexts:\n- name: c\n  context: {cluster: c}\ncurrent-context: c\n`,
  );
  const result = await ktl(['get', '--raw', '/version', '--kubeconfig', file]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr, 'error: unsupported scheme "ftp", must be http, https, or socks5\n');
});

/** A server answering from a script of statuses; it counts requests. */
async function scriptedServer(
  t: { after: (fn: () => unknown) => void },
  answer: (n: number, res: ServerResponse) => void,
): Promise<{ url: string; count: () => number }> {
  let n = 0;
  const server = createServer((_req, res) => answer(++n, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => n };
}

test('429 with Retry-After is retried until it succeeds', async (t) => {
  const server = await scriptedServer(t, (n, res) => {
    if (n <= 2) {
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'text/plain' });
      res.end('slow down');
    } else res.end('{"ok":true}');
  });
  const result = await ktl(['get', '--raw', '/x', '-s', server.url]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '{"ok":true}');
  assert.equal(server.count(), 3);
});

test('a 503 with Retry-After is retried at most 10 times, then reported', async (t) => {
  const server = await scriptedServer(t, (_n, res) => {
    res.writeHead(503, { 'retry-after': '0', 'content-type': 'text/plain' });
    res.end('down');
  });
  const result = await ktl(['get', '--raw', '/x', '-s', server.url]);
  assert.equal(result.code, 1);
  assert.equal(server.count(), 11);
  assert.match(result.stderr, /^Error from server \(ServiceUnavailable\)/);
});

test('a 500 without Retry-After is not retried', async (t) => {
  const server = await scriptedServer(t, (_n, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('boom');
  });
  const result = await ktl(['get', '--raw', '/x', '-s', server.url]);
  assert.equal(result.code, 1);
  assert.equal(server.count(), 1);
});

test('a GET whose connection is reset is retried', async (t) => {
  const server = await scriptedServer(t, (n, res) => {
    if (n === 1) res.socket?.destroy();
    else res.end('{"second":true}');
  });
  const result = await ktl(['get', '--raw', '/x', '-s', server.url]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(server.count(), 2);
});

/**
 * HTTP redirects, ktl beside the same-version kubectl: a 3xx from the API server (a real HTTPS
 * reverse proxy in front of the real apiserver that moves every path under /moved) and from
 * `-f URL` (a static file server). kubectl follows them as Go's http.Client does; so does ktl,
 * except that it never sends the credentials to another origin (kubectl does: the test records
 * it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { after, test } from 'node:test';
import { clusterDir, clusterEnv, kubectl, ktl, testNamespace } from '../helpers/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-redirects-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const env = clusterEnv();
const pki = join(clusterDir, 'pki');
const tls = {
  key: readFileSync(join(pki, 'apiserver.key')),
  cert: readFileSync(join(pki, 'apiserver.crt')),
};
const ca = readFileSync(join(pki, 'ca.crt'));

async function listen(t: TestContext, server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** Passes a request on to the real API server, as it came (credentials included). */
function forward(req: IncomingMessage, res: ServerResponse, path: string): void {
  const api = new URL(env['KTL_API_SERVER'] ?? '');
  const upstream = httpsRequest(
    { host: api.hostname, port: api.port, path, method: req.method, headers: req.headers, ca },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

/**
 * An HTTPS server with the apiserver's certificate: /moved/PATH is the API server's PATH, any
 * other path answers `status` with a relative Location under /moved (or `location(path)`).
 */
async function redirectingProxy(
  t: TestContext,
  status: number,
  location: (path: string) => string = (path) => `/moved${path}`,
): Promise<number> {
  const server = createHttpsServer(tls, (req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/moved/')) return forward(req, res, path.slice('/moved'.length));
    req.resume();
    res.writeHead(status, { location: location(path), 'content-type': 'text/plain' });
    res.end('moved');
  });
  return listen(t, server);
}

/** An HTTPS server that records the Authorization header of each request and answers 404. */
async function elsewhere(t: TestContext): Promise<{ port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createHttpsServer(tls, (req, res) => {
    seen.push(req.headers.authorization ?? '');
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"kind":"Status","apiVersion":"v1","status":"Failure","message":"gone","code":404}');
  });
  return { port: await listen(t, server), seen };
}

/** A kubeconfig for a server at this port: the cluster's CA and the admin token. */
function kubeconfigFor(port: number): string {
  const file = join(dir, `kubeconfig-${port}`);
  writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: proxy',
      `  cluster: {server: "https://127.0.0.1:${port}", certificate-authority: "${join(pki, 'ca.crt')}"}`,
      'users:',
      '- name: admin',
      `  user: {token: "${env['KTL_ADMIN_TOKEN']}"}`,
      'contexts:',
      '- name: proxy',
      '  context: {cluster: proxy, user: admin}',
      'current-context: proxy',
      '',
    ].join('\n'),
  );
  return file;
}

/** Runs both tools; kubectl's klog lines (E1207 …) before its final message are left out. */
async function both(args: string[], kubeconfig?: string) {
  const options = kubeconfig ? { env: { KUBECONFIG: kubeconfig } } : {};
  const [ours, theirs] = await Promise.all([ktl(args, options), kubectl(args, options)]);
  const stderr = theirs.stderr
    .split('\n')
    .filter((line) => !/^[EIW]\d{4} /.test(line))
    .join('\n');
  return { ours, theirs: { ...theirs, stderr } };
}

test('API server 302 within the server: both follow it, same output', async (t) => {
  const kubeconfig = kubeconfigFor(await redirectingProxy(t, 302));
  for (const args of [
    ['get', 'namespace', 'default', '-o', 'name'],
    ['get', '--raw', '/api/v1/namespaces/kube-system'],
  ]) {
    const { ours, theirs } = await both(args, kubeconfig);
    assert.equal(theirs.code, 0, theirs.stderr);
    assert.deepEqual(ours, theirs, args.join(' '));
  }
});

test('API server 307 on a create: the method and body are sent again, the object is created', async (t) => {
  const ns = await testNamespace(t, 'redirects');
  const kubeconfig = kubeconfigFor(await redirectingProxy(t, 307));
  const run = (tool: typeof ktl, name: string) =>
    tool(['create', 'configmap', name, '-n', ns, '--from-literal=k=v'], {
      env: { KUBECONFIG: kubeconfig },
    });
  const [ours, theirs] = await Promise.all([run(ktl, 'by-ktl'), run(kubectl, 'by-kubectl')]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.equal(ours.stdout, theirs.stdout.replace('by-kubectl', 'by-ktl'));
  assert.equal(ours.code, 0, ours.stderr);
  const listed = await kubectl([
    'get',
    'configmap',
    'by-ktl',
    '-n',
    ns,
    '-o',
    'jsonpath={.data.k}',
  ]);
  assert.equal(listed.stdout, 'v');
});

test('a redirect to another origin: same answer, but only kubectl hands it the token', async (t) => {
  const other = await elsewhere(t);
  const port = await redirectingProxy(t, 302, (path) => `https://localhost:${other.port}${path}`);
  const kubeconfig = kubeconfigFor(port);
  const ours = await ktl(['get', '--raw', '/api/v1/namespaces'], {
    env: { KUBECONFIG: kubeconfig },
  });
  const oursSeen = other.seen.splice(0);
  const { theirs } = await both(['get', '--raw', '/api/v1/namespaces'], kubeconfig);
  assert.equal(ours.stderr, theirs.stderr);
  assert.equal(ours.code, theirs.code);
  assert.match(ours.stderr, /gone/);
  assert.deepEqual(oursSeen, ['']);
  assert.ok(other.seen.includes(`Bearer ${env['KTL_ADMIN_TOKEN']}`), 'kubectl sent the token');
});

test('a redirect loop: Go\'s "stopped after 10 redirects", after ten requests', async (t) => {
  let requests = 0;
  const server = createHttpsServer(tls, (req, res) => {
    requests++;
    req.resume();
    res.writeHead(302, { location: req.url ?? '/' });
    res.end();
  });
  const kubeconfig = kubeconfigFor(await listen(t, server));
  const ours = await ktl(['get', '--raw', '/api/v1/namespaces'], {
    env: { KUBECONFIG: kubeconfig },
  });
  assert.equal(requests, 10);
  const { theirs } = await both(['get', '--raw', '/api/v1/namespaces'], kubeconfig);
  assert.equal(ours.stderr, 'Unable to connect to the server: stopped after 10 redirects\n');
  assert.equal(ours.stderr, theirs.stderr);
  assert.equal(ours.code, theirs.code);
});

/** A static file server for `-f URL`: /files/NAME is the file, /old/NAME redirects there. */
async function fileServer(t: TestContext, files: Record<string, string>): Promise<string> {
  const server = createHttpServer((req, res) => {
    const path = req.url ?? '/';
    const name = path.replace(/^\/(files|old|loop)\//, '');
    if (path.startsWith('/old/')) res.writeHead(302, { location: `/files/${name}` }).end();
    else if (path.startsWith('/loop/')) res.writeHead(301, { location: path }).end();
    else if (files[name] !== undefined) res.writeHead(200).end(files[name]);
    else res.writeHead(404).end('not found');
  });
  return `http://127.0.0.1:${await listen(t, server)}`;
}

test('-f URL that redirects to the file: both read it', async (t) => {
  const ns = await testNamespace(t, 'redirects-f');
  const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-url\ndata:\n  k: v\n`;
  const base = await fileServer(t, { 'cm.yaml': manifest });
  const { ours, theirs } = await both([
    'apply',
    '-n',
    ns,
    '-f',
    `${base}/old/cm.yaml`,
    '--dry-run=client',
  ]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.deepEqual(ours, theirs);
  assert.equal(ours.stdout, 'configmap/from-url created (dry run)\n');
});

test('-f URL that redirects to itself: the same error after the same retries', async (t) => {
  const base = await fileServer(t, {});
  const { ours, theirs } = await both(['apply', '-f', `${base}/loop/cm.yaml`, '--dry-run=client']);
  assert.equal(ours.stderr, 'Unable to connect to the server: stopped after 10 redirects\n');
  assert.deepEqual(ours, theirs);
});

/**
 * Ports fetch refuses (the WHATWG "bad ports") that Go's http.Get, and so kubectl, uses like
 * any other; the first one free here is taken.
 */
const BAD_PORTS = [6666, 6667, 6668, 6669, 6665, 10080, 6000, 6566, 4045, 3659, 2049, 5060];

async function listenOnBadPort(t: TestContext, server: Server): Promise<number> {
  for (const port of BAD_PORTS) {
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) {
      t.after(() => new Promise((resolve) => server.close(resolve)));
      return port;
    }
  }
  throw new Error(`none of the ports ${BAD_PORTS.join(', ')} is free`);
}

test('-f URL on a port fetch calls bad (6666, 10080, ...): both read it, as Go does', async (t) => {
  const ns = await testNamespace(t, 'redirects-port');
  const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad-port\ndata:\n  k: v\n`;
  const server = createHttpServer((_req, res) => res.writeHead(200).end(manifest));
  const port = await listenOnBadPort(t, server);
  const url = `http://127.0.0.1:${port}/cm.yaml`;
  const { ours, theirs } = await both(['apply', '-n', ns, '-f', url, '--dry-run=client']);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.deepEqual(ours, theirs);
  assert.equal(ours.stdout, 'configmap/bad-port created (dry run)\n');
});

/** An HTTPS file server with the apiserver's certificate (the cluster CA signed it). */
async function httpsFileServer(t: TestContext, files: Record<string, string>): Promise<string> {
  const server = createHttpsServer(tls, (req, res) => {
    const name = (req.url ?? '/').replace(/^\/files\//, '');
    if (files[name] !== undefined) res.writeHead(200).end(files[name]);
    else res.writeHead(404).end('not found');
  });
  return `https://127.0.0.1:${await listen(t, server)}`;
}

/** A plain HTTP server whose every path redirects (302) to the same path under `target`. */
async function redirectTo(t: TestContext, target: string): Promise<string> {
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(302, { location: `${target}${req.url ?? '/'}` }).end();
  });
  return `http://127.0.0.1:${await listen(t, server)}`;
}

test('-f URL redirected from http to https: the kubeconfig CA is not trusted for it, as in kubectl', async (t) => {
  const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: via-https\n`;
  const secure = await httpsFileServer(t, { 'cm.yaml': manifest });
  const plain = await redirectTo(t, secure);
  // The kubeconfig's CA signed the file server's certificate: neither tool may use it for -f.
  const { ours, theirs } = await both([
    'apply',
    '-f',
    `${plain}/files/cm.yaml`,
    '--dry-run=client',
  ]);
  assert.equal(
    ours.stderr,
    'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n',
  );
  assert.deepEqual(ours, theirs);
});

test('-f URL redirected from http to https, CA trusted the way each tool takes extra roots: both read it', async (t) => {
  const ns = await testNamespace(t, 'redirects-https');
  const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: via-https\n`;
  const secure = await httpsFileServer(t, { 'cm.yaml': manifest });
  const plain = await redirectTo(t, secure);
  const args = ['apply', '-n', ns, '-f', `${plain}/files/cm.yaml`, '--dry-run=client'];
  const caFile = join(pki, 'ca.crt');
  const [ours, theirs] = await Promise.all([
    ktl(args, { env: { NODE_EXTRA_CA_CERTS: caFile } }),
    kubectl(args, { env: { SSL_CERT_FILE: caFile } }),
  ]);
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.deepEqual(ours, theirs);
  assert.equal(ours.stdout, 'configmap/via-https created (dry run)\n');
});

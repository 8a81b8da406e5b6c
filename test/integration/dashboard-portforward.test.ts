/**
 * Port-forwards held by the dashboard (k9s's shift-f and :pf), used as a person does: the
 * dialog, a real HTTP request through the forward (kwok's ClusterPortForward answers on port
 * 8080 of every pod), the list, and stopping one.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, tableLines, titleLine } from './dashboard-terminal.js';

const dash = new DashboardFixture({ columns: 150, rows: 30, inNamespace: true });

/** A local port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** GET http://127.0.0.1:PORT/: the status and body, or the connection error's code. */
function get(port: number): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? 'error' }));
  });
}

before(async () => {
  const namespace = await dash.createNamespace('ktl-pf');
  await kubectlOk(['run', 'one', '--image=busybox', '--port=8080', '-n', namespace]);
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '--port=8080', '-n', namespace]);
  await kubectlOk(['wait', '--for=condition=Ready', 'pod/one', '-n', namespace, '--timeout=60s']);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', namespace, '--timeout=60s']);
});

after(() => dash.cleanUp());

test('shift-f on a pod forwards a local port to it; :pf lists it; ctrl-d y stops it', async () => {
  const port = await freePort();
  const t = dash.open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  t.together(['/^one', 'Enter']);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\/2\]/.test(titleLine(s)));
  t.keys(['F']);
  let screen = await t.waitFor(/Container Port: one::8080/);
  assert.match(titleLine(screen), /^Port-forward pods\/one/);
  assert.match(screen, /Local Port: +8080/);
  assert.match(screen, /Address: +localhost/);
  // The local port field: cleared and typed, as a person picks another port.
  t.keys(['Tab', 'C-u']);
  t.type(String(port));
  t.keys(['Enter']);
  await t.waitFor(new RegExp(`port-forward 127\\.0\\.0\\.1:${port}.* -> one:8080`));
  assert.deepEqual(await get(port), { status: 200, body: 'hello from kwok' });

  t.type(':pf');
  t.keys(['Enter']);
  screen = await t.waitFor((s) => /^portforwards\[1\]/.test(titleLine(s)));
  const [row = ''] = tableLines(screen);
  assert.match(
    row,
    new RegExp(`^ktl-pf-\\S+ +one +one +${port}:8080 +127\\.0\\.0\\.1:${port}.* pods/one +1 `),
  );

  t.keys(['C-d']);
  await t.waitFor(new RegExp(`Stop port-forward ktl-pf-\\S+/one:${port}:8080\\? \\[y/N\\]`));
  t.keys(['y']);
  await t.waitFor((s) => /^portforwards\[0\]/.test(titleLine(s)));
  assert.deepEqual(await get(port), { error: 'ECONNREFUSED' });
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('shift-f on a deployment forwards to one of its pods; quitting the dashboard stops it', async () => {
  const port = await freePort();
  const t = dash.open(['deployments']);
  await t.waitFor((s) => /^deployments\([^)]*\)\[1\]/.test(titleLine(s)) && /synced/.test(s));
  t.keys(['F']);
  const screen = await t.waitFor(/Container Port: nginx::8080/);
  assert.match(titleLine(screen), /^Port-forward deployments\/web \(pod web-\S+\)/);
  t.together(['Tab', 'C-u', String(port), 'Enter']);
  await t.waitFor(new RegExp(`port-forward 127\\.0\\.0\\.1:${port}.* -> web-\\S+:8080`));
  assert.deepEqual(await get(port), { status: 200, body: 'hello from kwok' });
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
  assert.deepEqual(await get(port), { error: 'ECONNREFUSED' });
});

test('a port the pod does not have, a bad local port and esc: a message each, nothing forwarded', async () => {
  const t = dash.open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  t.together(['/^one', 'Enter']);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\/2\]/.test(titleLine(s)));
  t.keys(['F']);
  await t.waitFor(/Container Port: one::8080/);
  t.together(['C-u', 'nosuch::80', 'Enter']);
  await t.waitFor(/port-forward: no port "nosuch::80" in pod one/);
  t.keys(['F']);
  await t.waitFor(/Container Port: one::8080/);
  t.together(['Tab', 'C-u', '99999', 'Enter']);
  await t.waitFor(/port-forward: invalid local port "99999"/);
  t.keys(['F']);
  await t.waitFor(/Container Port: one::8080/);
  t.keys(['Escape']);
  await t.waitFor((s) => /^pods\(/.test(titleLine(s)) && !/Container Port/.test(s));
  t.type(':pf');
  t.keys(['Enter']);
  await t.waitFor((s) => /^portforwards\[0\]/.test(titleLine(s)));
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test(':pf marks as k9s does: space marks forwards, ctrl-d stops every marked one after one question', async () => {
  const [first, second] = [await freePort(), await freePort()];
  const t = dash.open([]);
  await t.waitFor((s) => /^pods\([^)]*\)\[2\]/.test(titleLine(s)) && /synced/.test(s));
  t.together(['/^one', 'Enter']);
  await t.waitFor((s) => /^pods\([^)]*\)\[1\/2\]/.test(titleLine(s)));
  t.keys(['F']);
  await t.waitFor(/Container Port: one::8080/);
  t.together(['Tab', 'C-u', String(first), 'Enter']);
  await t.waitFor(new RegExp(`port-forward 127\\.0\\.0\\.1:${first}`));
  t.keys(['F']);
  await t.waitFor(/Container Port: one::8080/);
  t.together(['Tab', 'C-u', String(second), 'Enter']);
  await t.waitFor(new RegExp(`port-forward 127\\.0\\.0\\.1:${second}`));
  t.together([':pf', 'Enter']);
  await t.waitFor((s) => /^portforwards\[2\]/.test(titleLine(s)));
  t.keys(['Space', 'j', 'Space']);
  await t.waitFor((s) => /marked:2$/.test(titleLine(s)));
  t.keys(['C-d']);
  await t.waitFor(/Stop 2 port-forwards\? \[y\/N\]/);
  t.keys(['y']);
  await t.waitFor(
    (s) => /^portforwards\[0\]/.test(titleLine(s)) && /2 port-forwards stopped/.test(s),
  );
  assert.deepEqual(await get(first), { error: 'ECONNREFUSED' });
  assert.deepEqual(await get(second), { error: 'ECONNREFUSED' });
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

/**
 * Reliability against a real API server behind a real network interruption: a TCP proxy
 * between ktl and the apiserver is cut (connections reset, port refused) and restored, or
 * made silent (a blackhole), while the dashboard's informers and the dashboard itself run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ClusterFactory } from '../../src/runtime/cluster-factory.js';
import { InformerPool } from '../../src/dashboard/model/informer-pool.js';
import { TableModel } from '../../src/dashboard/model/table-model.js';
import type { InformerState } from '../../src/resources/informer.js';
import { Informer } from '../../src/resources/informer.js';
import { adminKubeconfig, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { Terminal } from './dashboard-terminal.js';

/** A TCP proxy to the apiserver that can be cut, restored, or made silent. */
class Proxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  silent = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('data', (d) => this.silent || upstream.write(d));
      upstream.on('data', (d) => this.silent || client.write(d));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Resets every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
    for (const s of this.sockets) s.resetAndDestroy();
    await closed;
  }
}

let namespace = '';
let proxy: Proxy;
let kubeconfig = '';
const hooks: Array<() => unknown> = [];

before(async () => {
  namespace = await testNamespace({ after: (fn: () => unknown) => hooks.push(fn) }, 'ktl-dash-net');
  const text = readFileSync(adminKubeconfig, 'utf8');
  const server = /server: https:\/\/127\.0\.0\.1:(\d+)/.exec(text);
  assert.ok(server, 'the admin kubeconfig points at 127.0.0.1');
  proxy = new Proxy({ host: '127.0.0.1', port: Number(server[1]) });
  await proxy.start();
  kubeconfig = join(mkdtempSync(join(tmpdir(), 'ktl-proxy-')), 'kubeconfig');
  writeFileSync(
    kubeconfig,
    text.replace(/server: https:\/\/127\.0\.0\.1:\d+/, `server: https://127.0.0.1:${proxy.port}`),
  );
  for (const name of ['a', 'b', 'c'])
    await kubectlOk(['run', name, '--image=nginx', '-n', namespace]);
});

after(async () => {
  await proxy.cut();
  for (const hook of hooks) await hook();
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

async function serverPodNames(): Promise<string[]> {
  const out = await kubectlOk([
    'get',
    'pods',
    '-n',
    namespace,
    '-o',
    'jsonpath={.items[*].metadata.name}',
  ]);
  return out.split(' ').filter(Boolean).sort();
}

test('outage: the state shows reconnecting and stale-since; afterwards the rows match a fresh list exactly', async () => {
  const factory = new ClusterFactory(
    { kubeconfig },
    { in: process.stdin, out: process.stdout, err: process.stderr },
    'ktl dash',
  );
  const pool = new InformerPool(await factory.client());
  const model = new TableModel({ showNamespace: false });
  const states: InformerState[] = [];
  const { shared, release } = pool.acquire(
    {
      ref: { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
      namespace,
    },
    {
      onChange: (changes) => model.applyChanges(changes),
      onColumns: (columns) => model.setColumns(columns),
      onState: (state) => states.push(state),
    },
  );
  try {
    await until(
      () => shared.informer.state.phase === 'synced' && model.snapshot().total === 3,
      15_000,
      'first sync',
    );
    await proxy.cut();
    await until(() => shared.informer.state.phase === 'reconnecting', 5000, 'the outage to show');
    const outage = shared.informer.state;
    assert.ok(outage.staleSince instanceof Date, 'stale since is set');
    assert.ok(outage.lastError, 'the reason is kept');
    await kubectlOk(['delete', 'pod', 'a', '-n', namespace, '--grace-period=0', '--force']);
    await kubectlOk(['run', 'd', '--image=nginx', '-n', namespace]);
    assert.deepEqual(
      model.snapshot().rows.map((r) => r.name),
      ['a', 'b', 'c'],
      'stale rows are kept, not dropped',
    );
    await proxy.start();
    const healed = await until(() => shared.informer.state.phase === 'synced', 40_000, 'recovery');
    await until(
      () =>
        model
          .snapshot()
          .rows.map((r) => r.name)
          .join() === 'b,c,d',
      5000,
      'rows to catch up',
    );
    assert.deepEqual(
      model.snapshot().rows.map((r) => r.name),
      await serverPodNames(),
    );
    assert.equal(shared.informer.state.staleSince, undefined, 'no longer stale');
    assert.ok(states.some((s) => s.phase === 'reconnecting'));
    console.log(`recovered ${healed} ms after the proxy came back`);
  } finally {
    release();
    await pool.stopAll();
    await factory.close();
  }
});

test('a silent connection (packets dropped, nothing closed) is noticed within the inactivity timeout', async () => {
  const factory = new ClusterFactory(
    { kubeconfig },
    { in: process.stdin, out: process.stdout, err: process.stderr },
    'ktl dash',
  );
  const informer = new Informer(
    await factory.client(),
    { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
    { namespace, inactivityMs: 3000, table: true },
  );
  try {
    await informer.start();
    proxy.silent = true;
    const started = Date.now();
    await until(
      () => informer.state.phase === 'reconnecting',
      10_000,
      'the dead watch to be noticed',
    );
    const noticed = Date.now() - started;
    // not before the inactivity timeout (3 s) has run; the wait above bounds it from above
    assert.ok(noticed >= 2500, `noticed after ${noticed} ms (timeout 3000 ms)`);
    assert.match(informer.state.lastError ?? '', /no data on the watch/);
    proxy.silent = false;
    await proxy.cut();
    await proxy.start();
    await until(() => informer.state.phase === 'synced', 40_000, 'recovery');
  } finally {
    proxy.silent = false;
    await informer.stop();
    await factory.close();
  }
});

test('the running dashboard shows the outage in its header and the right rows afterwards', async () => {
  const t = new Terminal(['dash', '-n', namespace], { kubeconfig });
  try {
    await t.waitFor((s) => /synced/.test(s) && /pods\([^)]*\)\[[1-9]\d*\]/.test(s), 15_000);
    await proxy.cut();
    const screen = await t.waitFor(/reconnecting · stale since \d\d:\d\d:\d\d/, 10_000);
    assert.match(screen, /pods\([^)]*\)\[[1-9]\d*\]/, 'the rows stay on screen while stale');
    await kubectlOk(['run', 'e', '--image=nginx', '-n', namespace]);
    await proxy.start();
    const expected = await serverPodNames();
    const healed = await t.waitForRows(expected, 40_000);
    assert.doesNotMatch(healed, /stale since/);
    t.keys(['q']);
    assert.equal(await t.exited(), 0);
  } finally {
    t.close();
  }
});

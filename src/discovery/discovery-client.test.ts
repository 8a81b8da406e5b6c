import assert from 'node:assert/strict';
import {
  mkdtempSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiscoveryClient } from './discovery-client.js';
import { FakeDiscoveryServer, fixture } from './fake-server.test-helper.js';

const HOST = 'https://127.0.0.1:58723';

function clientFor(server: FakeDiscoveryServer, cacheRoot: string): DiscoveryClient {
  return new DiscoveryClient({ http: async () => server, cacheRoot, host: HOST });
}

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'ktl-discovery-'));
}

const serverDir = (root: string): string => join(root, 'discovery', '127.0.0.1_58723');

test('aggregated discovery: two requests, and a cache byte-identical to what kubectl wrote', async () => {
  const root = tempRoot();
  const server = new FakeDiscoveryServer({ aggregated: true });
  const snapshot = await clientFor(server, root).snapshot();
  assert.deepEqual(server.paths.sort(), ['/api', '/apis']);
  assert.equal(snapshot.groups[0]?.name, '');
  assert.ok(
    snapshot.resources.get('apps/v1')?.resources?.some((r) => r.name === 'deployments/scale'),
  );
  for (const file of [
    'servergroups.json',
    'v1/serverresources.json',
    'apps/v1/serverresources.json',
  ]) {
    const written = readFileSync(join(serverDir(root), file), 'utf8');
    assert.equal(written, fixture(`kubectl-cache/${file}`), file);
    assert.equal(statSync(join(serverDir(root), file)).mode & 0o777, 0o660);
  }
  assert.equal(statSync(serverDir(root)).mode & 0o777, 0o750 & ~process.umask());
});

test('a warm cache answers without any request; a new process reads it too', async () => {
  const root = tempRoot();
  await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  const second = new FakeDiscoveryServer({ aggregated: true });
  const client = clientFor(second, root);
  const snapshot = await client.snapshot();
  assert.deepEqual(second.paths, []);
  assert.equal(client.fresh(), false, 'data read from disk is not fresh');
  assert.ok(snapshot.resources.has('v1'));
});

test('files older than six hours are ignored and rewritten', async () => {
  const root = tempRoot();
  await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  const old = (Date.now() - 6 * 3600_000 - 1000) / 1000;
  utimesSync(join(serverDir(root), 'servergroups.json'), old, old);
  const server = new FakeDiscoveryServer({ aggregated: true });
  await clientFor(server, root).snapshot();
  assert.deepEqual(server.paths.sort(), ['/api', '/apis']);
  assert.ok(statSync(join(serverDir(root), 'servergroups.json')).mtimeMs > Date.now() - 60_000);
});

test('a truncated or corrupt cache file is ignored and rewritten, never fatal', async () => {
  const root = tempRoot();
  await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  const groupsFile = join(serverDir(root), 'servergroups.json');
  writeFileSync(groupsFile, readFileSync(groupsFile, 'utf8').slice(0, 100));
  writeFileSync(join(serverDir(root), 'apps/v1/serverresources.json'), '\u0000garbage');
  const server = new FakeDiscoveryServer({ aggregated: true });
  const snapshot = await clientFor(server, root).snapshot();
  assert.deepEqual(server.paths.sort(), ['/api', '/apis']);
  assert.ok(snapshot.resources.get('apps/v1')?.resources?.length);
  assert.equal(readFileSync(groupsFile, 'utf8'), fixture('kubectl-cache/servergroups.json'));
  const leftovers = readdirSync(serverDir(root)).filter((f) => f.startsWith('servergroups.json.'));
  assert.deepEqual(leftovers, [], 'no temporary files are left behind');
});

test('a missing group-version file is fetched alone (per-group-version fallback)', async () => {
  const root = tempRoot();
  await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  writeFileSync(join(serverDir(root), 'apps/v1/serverresources.json'), '');
  unlinkSync(join(serverDir(root), 'ktl-index.json'));
  const server = new FakeDiscoveryServer({ aggregated: true });
  await clientFor(server, root).snapshot();
  assert.deepEqual(server.paths, ['/apis/apps/v1']);
});

test('the compact index answers a warm start alone, while servergroups.json is unchanged', async () => {
  const root = tempRoot();
  const first = await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  for (const gv of ['v1', 'apps/v1', 'batch/v1'])
    unlinkSync(join(serverDir(root), gv, 'serverresources.json'));
  const server = new FakeDiscoveryServer({ aggregated: true });
  const client = clientFor(server, root);
  const second = await client.snapshot();
  assert.deepEqual(server.paths, [], 'everything came from ktl-index.json');
  assert.deepEqual([...second.resources.keys()], [...first.resources.keys()]);
  assert.equal(client.fresh(), false);
});

test('the compact index is ignored once kubectl (or anyone) rewrites servergroups.json', async () => {
  const root = tempRoot();
  await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  const groupsFile = join(serverDir(root), 'servergroups.json');
  const content = readFileSync(groupsFile, 'utf8');
  const parsed = JSON.parse(content) as { groups: Array<{ name: string }> };
  parsed.groups = parsed.groups.filter((g) => g.name !== 'batch');
  writeFileSync(groupsFile, JSON.stringify(parsed));
  const server = new FakeDiscoveryServer({ aggregated: true });
  const snapshot = await clientFor(server, root).snapshot();
  assert.deepEqual(server.paths, []);
  assert.equal(snapshot.resources.has('batch/v1'), false, 'the files were read, not the old index');
});

test('without aggregated discovery every group-version is fetched, failures kept apart', async () => {
  const root = tempRoot();
  const server = new FakeDiscoveryServer({ aggregated: false, failing: ['/apis/batch/v1'] });
  const snapshot = await clientFor(server, root).snapshot();
  const legacyGroups = JSON.parse(fixture('legacy-apis.json')) as {
    groups: Array<{ versions: unknown[] }>;
  };
  const versionCount = legacyGroups.groups.reduce((n, g) => n + g.versions.length, 0);
  assert.equal(server.paths.length, 2 + 1 + versionCount);
  assert.equal(snapshot.failed.size, 1);
  assert.match(snapshot.failed.get('batch/v1') ?? '', /currently unable to handle the request/);
  assert.ok(snapshot.resources.get('apps/v1')?.resources?.length);
  assert.equal(snapshot.resources.has('batch/v1'), false);
});

test('invalidate() ignores files from other processes but keeps its own', async () => {
  const root = tempRoot();
  await clientFor(new FakeDiscoveryServer({ aggregated: true }), root).snapshot();
  const server = new FakeDiscoveryServer({ aggregated: true });
  const client = clientFor(server, root);
  await client.snapshot();
  client.invalidate();
  await client.snapshot();
  assert.deepEqual(server.paths.sort(), ['/api', '/apis']);
  assert.equal(client.fresh(), true);
});

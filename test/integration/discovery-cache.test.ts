import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clusterEnv, kubectl, ktl } from '../helpers/cluster.js';
import { factoryWithCache, tempCacheDir } from './discovery-helpers.js';

/** `<cache>/discovery/<host_port>` for the local cluster. */
function serverDir(cacheDir: string): string {
  const host = clusterEnv()['KTL_API_SERVER'] ?? '';
  return join(cacheDir, 'discovery', host.replace('https://', '').replace(/[^(\w/.)]/g, '_'));
}

/** The discovery requests in a -v=6 log (paths /api, /apis, /api/v1, /apis/<g>/<v>). */
function discoveryRequests(stderr: string): string[] {
  const paths = [...stderr.matchAll(/"Response" verb="GET" url="https:\/\/[^/]+(\/[^"?]*)/g)].map(
    (m) => m[1]!,
  );
  return paths.filter(
    (p) =>
      (/^\/(api|apis)(\/[^/]+){0,2}$/.test(p) && !/^\/api\/v1\/[^/]+$/.test(p)) || p === '/api/v1',
  );
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

test('kubectl reads a cache ktl wrote without any discovery request', async () => {
  const cacheDir = tempCacheDir();
  const cold = await ktl(['api-resources', '--cache-dir', cacheDir, '-v=6']);
  assert.equal(cold.code, 0, cold.stderr);
  assert.deepEqual(discoveryRequests(cold.stderr).sort(), ['/api', '/apis']);
  const result = await kubectl([
    'get',
    'deployments,pods,svc',
    '-A',
    '-v=6',
    '--cache-dir',
    cacheDir,
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(discoveryRequests(result.stderr), []);
  const cached = await kubectl(['api-resources', '--cached', '-v=6', '--cache-dir', cacheDir]);
  assert.deepEqual(discoveryRequests(cached.stderr), []);
  assert.equal(cached.stdout, cold.stdout);
});

test('ktl reads a cache kubectl wrote without any request', async () => {
  const cacheDir = tempCacheDir();
  const warm = await kubectl(['api-resources', '--cache-dir', cacheDir]);
  assert.equal(warm.code, 0, warm.stderr);
  const { factory, requests } = factoryWithCache(cacheDir);
  const mappings = await (await factory.restMapper()).resolveTypes('deploy,po,all');
  await factory.close();
  assert.ok(mappings.length > 5);
  assert.deepEqual(requests, []);
  const cli = await ktl(['api-resources', '--cached', '-v=6', '--cache-dir', cacheDir]);
  assert.equal(cli.stdout, warm.stdout);
  assert.doesNotMatch(cli.stderr, /"Response"/);
});

test('both write identical files for the same server', async () => {
  const byKubectl = tempCacheDir();
  const byKtl = tempCacheDir();
  await kubectl(['api-resources', '--cache-dir', byKubectl]);
  await ktl(['api-resources', '--cache-dir', byKtl]);
  const files = allFiles(serverDir(byKubectl));
  const ktlFiles = allFiles(serverDir(byKtl));
  assert.ok(ktlFiles.includes('ktl-index.json'), 'ktl keeps its compact index beside them');
  assert.deepEqual(
    ktlFiles.filter((f) => f !== 'ktl-index.json'),
    files,
  );
  for (const file of files) {
    assert.equal(
      readFileSync(join(serverDir(byKtl), file), 'utf8'),
      readFileSync(join(serverDir(byKubectl), file), 'utf8'),
      file,
    );
    assert.equal(statSync(join(serverDir(byKtl), file)).mode & 0o777, 0o660, file);
  }
});

test('20 ktl processes started at once on an empty cache leave a valid cache', async () => {
  const cacheDir = tempCacheDir();
  const runs = await Promise.all(
    Array.from({ length: 20 }, () =>
      ktl(['api-resources', '--cached', '--cache-dir', cacheDir], { timeoutMs: 120_000 }),
    ),
  );
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  assert.equal(new Set(runs.map((r) => r.stdout)).size, 1, 'every process printed the same table');
  const leftovers = allFiles(serverDir(cacheDir)).filter((f) => !f.endsWith('.json'));
  assert.deepEqual(leftovers, [], 'no temporary files left');
  const check = await kubectl(['api-resources', '--cached', '-v=6', '--cache-dir', cacheDir]);
  assert.deepEqual(discoveryRequests(check.stderr), []);
  assert.equal(check.stdout, runs[0]!.stdout);
});

test('truncated and corrupt cache files are ignored and rewritten', async () => {
  const cacheDir = tempCacheDir();
  const first = await ktl(['api-resources', '--cache-dir', cacheDir]);
  const dir = serverDir(cacheDir);
  truncateSync(join(dir, 'servergroups.json'), 50);
  writeFileSync(join(dir, 'apps/v1/serverresources.json'), '{"kind":');
  writeFileSync(join(dir, 'v1/serverresources.json'), '');
  const again = await ktl(['api-resources', '--cached', '--cache-dir', cacheDir, '-v=6']);
  assert.equal(again.code, 0, again.stderr);
  // Other test files create and delete CRDs (*.example.com) meanwhile, which can change the
  // column widths between the two runs: the built-in resources must all be there again.
  const builtIn = (table: string): string[] =>
    table
      .split('\n')
      .filter((line) => line !== '' && !line.includes('example.com'))
      .map((line) => line.split(/\s+/)[0] ?? '');
  assert.deepEqual(builtIn(again.stdout), builtIn(first.stdout));
  assert.deepEqual(discoveryRequests(again.stderr).sort(), ['/api', '/apis']);
  const check = await kubectl(['api-resources', '--cached', '-v=6', '--cache-dir', cacheDir]);
  assert.deepEqual(discoveryRequests(check.stderr), []);
  // kubectl reads the cache ktl rewrote, with no request: the very same table
  assert.equal(check.stdout, again.stdout);
});

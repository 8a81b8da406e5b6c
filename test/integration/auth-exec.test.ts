/**
 * Exec credential plugins against the real control plane. The fixture plugin prints an
 * ExecCredential with the admin token and counts its runs, so the caching promises can be
 * asserted: one run for many requests, none for the next ktl command (disk cache), and one
 * re-run after the server rejects a credential.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clusterEnv, kubectl, ktl, repoRoot } from '../helpers/cluster.js';
import { singleContextKubeconfig } from '../helpers/kubeconfig.js';

const env = clusterEnv();
const plugin = join(repoRoot, 'test/fixtures/exec-plugin/counting-plugin.sh');

interface Setup {
  dir: string;
  kubeconfig: string;
  runs: () => number;
  runEnv: Record<string, string>;
}

function setup(execYaml = ''): Setup {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-exec-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const userYaml = `    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: ${plugin}
      provideClusterInfo: true
${execYaml}`;
  const contents = singleContextKubeconfig({
    server: env['KTL_API_SERVER'] ?? '',
    clusterYaml: `    certificate-authority: ${join(env['KTL_PKI_DIR'] ?? '', 'ca.crt')}`,
    namespace: 'kube-system',
    userYaml,
  });
  writeFileSync(kubeconfig, contents);
  const countFile = join(dir, 'count');
  return {
    dir,
    kubeconfig,
    runs: () =>
      existsSync(countFile)
        ? readFileSync(countFile, 'utf8').split('\n').filter(Boolean).length
        : 0,
    runEnv: {
      KUBECONFIG: kubeconfig,
      KUBECACHEDIR: join(dir, 'cache'),
      PLUGIN_COUNT_FILE: countFile,
      PLUGIN_INFO_FILE: join(dir, 'exec-info.json'),
      PLUGIN_TOKEN: env['KTL_ADMIN_TOKEN'] ?? '',
    },
  };
}

test('one plugin run serves a command; the next command uses the disk cache (0 runs)', async () => {
  const s = setup();
  const first = await ktl(['get', 'pods,configmaps,services,secrets'], { env: s.runEnv });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(s.runs(), 1);
  const second = await ktl(['get', '--raw', '/api/v1/namespaces/kube-system/secrets'], {
    env: s.runEnv,
  });
  assert.equal(second.code, 0, second.stderr);
  assert.equal(s.runs(), 1);
  const cacheDir = join(s.dir, 'cache', 'ktl-exec');
  const [entry] = readdirSync(cacheDir);
  assert.ok(entry);
  assert.equal(statSync(join(cacheDir, entry)).mode & 0o777, 0o600);
  assert.equal(statSync(cacheDir).mode & 0o777, 0o700);
  // kubectl, for comparison, runs the plugin again (it caches in memory only).
  const theirs = await kubectl(['get', '--raw', '/version'], { env: s.runEnv });
  assert.equal(theirs.code, 0, theirs.stderr);
  assert.ok(s.runs() >= 2);
});

test('the plugin gets KUBERNETES_EXEC_INFO with the cluster (provideClusterInfo)', async () => {
  const s = setup();
  const result = await ktl(['get', '--raw', '/version'], { env: s.runEnv });
  assert.equal(result.code, 0, result.stderr);
  const info = JSON.parse(readFileSync(join(s.dir, 'exec-info.json'), 'utf8')) as {
    kind: string;
    apiVersion: string;
    spec: {
      interactive: boolean;
      cluster: { server: string; 'certificate-authority-data': string; config: unknown };
    };
  };
  assert.equal(info.kind, 'ExecCredential');
  assert.equal(info.apiVersion, 'client.authentication.k8s.io/v1beta1');
  assert.equal(info.spec.interactive, false);
  assert.equal(info.spec.cluster.server, env['KTL_API_SERVER']);
  const ca = readFileSync(join(env['KTL_PKI_DIR'] ?? '', 'ca.crt'));
  assert.equal(
    Buffer.from(info.spec.cluster['certificate-authority-data'], 'base64').toString(),
    ca.toString(),
  );
  assert.equal(info.spec.cluster.config, null);
});

test('a rejected credential (401) is dropped, the plugin re-runs once and the request succeeds', async () => {
  const s = setup();
  const result = await ktl(['get', '--raw', '/version', '-v=6'], {
    env: { ...s.runEnv, PLUGIN_BAD_FIRST: '1' },
  });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(s.runs(), 2);
  assert.match(result.stderr, /status="401 Unauthorized"/);
  // The good credential replaced the bad one on disk.
  const next = await ktl(['get', '--raw', '/version'], { env: s.runEnv });
  assert.equal(next.code, 0, next.stderr);
  assert.equal(s.runs(), 2);
});

test('a credential without expirationTimestamp is not kept on disk', async () => {
  const s = setup();
  const runEnv = { ...s.runEnv, PLUGIN_EXPIRY_SECONDS: 'none' };
  assert.equal((await ktl(['get', '--raw', '/version'], { env: runEnv })).code, 0);
  assert.equal((await ktl(['get', '--raw', '/version'], { env: runEnv })).code, 0);
  assert.equal(s.runs(), 2);
});

test("a missing plugin: kubectl's not-found text with the installHint", async () => {
  const s = setup();
  writeFileSync(
    s.kubeconfig,
    readFileSync(s.kubeconfig, 'utf8')
      .replace(plugin, 'ktl-no-such-plugin')
      .concat('      installHint: "Install it with: make plugin"\n'),
  );
  const args = ['get', '--raw', '/version'];
  const [mine, theirs] = await Promise.all([
    ktl(args, { env: s.runEnv }),
    kubectl(args, { env: s.runEnv }),
  ]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, theirs.stderr);
  assert.match(
    mine.stderr,
    /^Unable to connect to the server: getting credentials: exec: executable ktl-no-such-plugin not found\n/,
  );
  assert.match(mine.stderr, /Install it with: make plugin\n$/);
});

test('a v1 plugin config without interactiveMode is rejected as kubectl rejects it', async () => {
  const s = setup();
  writeFileSync(s.kubeconfig, readFileSync(s.kubeconfig, 'utf8').replace('v1beta1', 'v1'));
  const args = ['get', '--raw', '/version'];
  const [mine, theirs] = await Promise.all([
    ktl(args, { env: s.runEnv }),
    kubectl(args, { env: s.runEnv }),
  ]);
  assert.equal(mine.code, 1);
  assert.equal(mine.stderr, theirs.stderr);
  assert.equal(s.runs(), 0);
});

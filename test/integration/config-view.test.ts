/**
 * `ktl config` read side against kubectl (the server's version) on the same files: the merged
 * view of three conflicting kubeconfigs byte for byte, broken kubeconfigs, and the promise
 * that config commands never run auth plugins or touch the network.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubectl, ktl, repoRoot } from '../helpers/cluster.js';

const fixtures = join(repoRoot, 'test/fixtures/kubeconfig');
const merge = join(fixtures, 'merge');
// A missing file and a duplicate in the list are skipped, as client-go does.
const mergedList = ['a.yaml', 'missing.yaml', 'b.yaml', 'c.yaml', 'a.yaml']
  .map((f) => join(merge, f))
  .join(':');

const viewCases = [
  ['config', 'view'],
  ['config', 'view', '--raw'],
  ['config', 'view', '-o', 'json'],
  ['config', 'view', '--raw', '-o', 'json'],
  ['config', 'view', '--minify'],
  ['config', 'view', '--minify', '--context', 'ctx-a'],
  ['config', 'view', '--minify', '--context', 'nope'],
  ['config', 'view', '--flatten'],
  ['config', 'get-contexts'],
  ['config', 'get-contexts', '-o', 'name'],
  ['config', 'get-contexts', '--no-headers', 'ctx-a'],
  ['config', 'get-contexts', 'nope'],
  ['config', 'current-context'],
  ['config', 'view', '-o', 'wide'],
  ['config', 'view', '-o', 'name'],
  ['config', 'view', '-o', 'JSON'],
  ['config', 'view', '-o', 'jsonpath={.users[*].name}'],
  ['config', 'view', '--raw', '-o', 'jsonpath-as-json={.clusters[0]}'],
  ['config', 'view', '--template={{.kind}} {{len .clusters}} {{index .contexts 0}}'],
  ['config', 'view', '-o', 'yaml', '--template={{.kind}}'],
  ['config', 'view', '-o', 'go-template'],
  ['config', 'view', '-o', 'go-template={{.nope}}', '--allow-missing-template-keys=false'],
  ['config', 'view', '--minify', '--context', 'ctx-a', '-o', 'template={{.current-context}}'],
  ['config', 'view', '--minify', '--context', 'ctx-a', '-o', 'jsonpath={.contexts[*].name}'],
];

for (const args of viewCases) {
  test(`ktl ${args.join(' ')} on a merged KUBECONFIG equals kubectl's`, async () => {
    const env = { KUBECONFIG: mergedList };
    const [mine, theirs] = await Promise.all([ktl(args, { env }), kubectl(args, { env })]);
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'));
    assert.equal(mine.code, theirs.code);
  });
}

test('the merged view: first file wins a whole stanza, first non-empty current-context wins', async () => {
  const result = await ktl(['config', 'view', '--raw', '-o', 'json'], {
    env: { KUBECONFIG: mergedList },
  });
  const view = JSON.parse(result.stdout) as {
    'current-context': string;
    clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    users: Array<{ name: string; user: Record<string, unknown> }>;
  };
  assert.equal(view['current-context'], 'ctx-b');
  const shared = view.clusters.find((c) => c.name === 'shared');
  assert.deepEqual(shared?.cluster, {
    server: 'https://a.example:6443',
    'certificate-authority': 'ca-a.crt',
  });
  assert.equal(view.users.find((u) => u.name === 'alice')?.user['token'], 'secret-token-a');
});

test('config commands and version --client never run an exec plugin or touch the network', async () => {
  const marker = join(mkdtempSync(join(tmpdir(), 'ktl-loud-')), 'ran');
  const env = { KUBECONFIG: join(fixtures, 'loud-exec.yaml'), LOUD_PLUGIN_MARKER: marker };
  for (const args of [
    ['config', 'view'],
    ['config', 'view', '--minify', '--raw'],
    ['config', 'current-context'],
    ['config', 'get-contexts'],
    ['config', 'get-users'],
    ['version', '--client'],
  ]) {
    const result = await ktl(args, { env });
    assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(existsSync(marker), false, `${args.join(' ')} ran the exec plugin`);
  }
  // The same kubeconfig does run the plugin for a request, so the marker check can fail.
  const request = await ktl(['get', '--raw', '/version'], { env });
  assert.equal(request.code, 1);
  assert.equal(existsSync(marker), true);
  assert.match(
    request.stderr,
    /getting credentials: exec: executable .*loud-plugin.sh failed with exit code 1/,
  );
});

const broken: Array<[string, RegExp]> = [
  [
    'bad-yaml.yaml',
    /^error: error loading config file "[^"]*bad-yaml.yaml": yaml: line \d+: .+\n$/,
  ],
  [
    'bad-base64.yaml',
    /^error: error loading config file "[^"]*bad-base64.yaml": illegal base64 data at input byte 3\n$/,
  ],
  [
    'cert-without-key.yaml',
    /^error: client-key-data or client-key must be specified for u to use the clientCert authentication method.\n$/,
  ],
  [
    'missing-cluster.yaml',
    /^The connection to the server localhost:8080 was refused - did you specify the right host or port\?\n$/,
  ],
];

for (const [file, expected] of broken) {
  test(`a broken kubeconfig (${file}) gives a clear error, exit 1, no stack trace`, async () => {
    const args = ['--kubeconfig', join(fixtures, 'broken', file), 'get', '--raw', '/version'];
    const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
    assert.equal(mine.code, 1);
    assert.equal(mine.stdout, '');
    assert.match(mine.stderr, expected);
    assert.doesNotMatch(mine.stderr, /\n\s+at /);
    if (file !== 'bad-yaml.yaml') assert.equal(mine.stderr, theirs.stderr);
  });
}

test('several configuration problems are listed like kubectl lists them', async () => {
  const args = [
    '--kubeconfig',
    join(fixtures, 'broken', 'cert-without-key.yaml'),
    '--token',
    'x',
    '--username',
    'u',
    'get',
    '--raw',
    '/version',
  ];
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.stderr, theirs.stderr);
  assert.match(mine.stderr, /^Error in configuration: \n\* /);
  assert.equal(mine.code, 1);
});

test('a missing --kubeconfig and an unknown --context are reported as kubectl does', async () => {
  for (const args of [
    ['--kubeconfig', '/nonexistent/kubeconfig', 'get', '--raw', '/version'],
    ['--context', 'nope', 'get', '--raw', '/version'],
    ['--user', 'nope', 'get', '--raw', '/version'],
  ]) {
    const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
    assert.equal(mine.stderr, theirs.stderr, args.join(' '));
    assert.equal(mine.code, 1);
  }
});

/**
 * Generated objects are checked against the server's OpenAPI schema before they are sent, and
 * the generators resolve resource types with the discovery REST mapper (CRDs, short names).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { crdManifest } from '../helpers/crd.js';

async function both(args: string[]): Promise<{ mine: RunResult; theirs: RunResult }> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  return { mine, theirs };
}

function assertSame({ mine, theirs }: { mine: RunResult; theirs: RunResult }): void {
  assert.equal(mine.stdout, theirs.stdout);
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'));
  assert.equal(mine.code, theirs.code);
}

/** The request lines of a -v=6 log. */
function requests(stderr: string): string[] {
  return [...stderr.matchAll(/verb="(\w+)" url="https:\/\/[^/]+([^"?]*)/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
}

describe('generated objects are validated against the OpenAPI schema', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'gen-validate',
    );
    await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', ns]);
  });

  test('expose --protocol outside the enum is stopped before anything is sent', async () => {
    const args = ['expose', 'deploy', 'web', '--port=80', '--protocol=XTCP', '-n', ns];
    const mine = await ktl([...args, '-v=6']);
    assert.equal(mine.code, 1);
    assert.match(
      mine.stderr,
      /Service\/web: spec\.ports\[0\]\.protocol: unsupported value "XTCP": supported values: "SCTP", "TCP", "UDP"\nerror: validation failed: 1 problem in Service\/web; nothing was created/,
    );
    assert.ok(!requests(mine.stderr).some((r) => r.startsWith('POST')), mine.stderr);
    // kubectl finds out from the server.
    const theirs = await kubectl(args);
    assert.equal(theirs.code, 1);
    assert.match(theirs.stderr, /spec\.ports\[0\]\.protocol: Unsupported value: "XTCP"/);
    assert.equal((await kubectlOk(['get', 'services', '-n', ns, '-o', 'name'])).trim(), '');
  });

  test('run --overrides with an unknown field: kubectl drops it silently, ktl says so', async () => {
    const overrides = '{"apiVersion":"v1","spec":{"containers":[{"name":"x","imagee":"b"}]}}';
    const args = ['run', 'x', '--image=busybox', `--overrides=${overrides}`, '-n', ns];
    const theirs = await kubectl([...args, '--dry-run=client', '-o', 'yaml']);
    assert.equal(theirs.code, 0);
    assert.doesNotMatch(theirs.stdout, /imagee/);
    const mine = await ktl([...args, '--dry-run=server']);
    assert.equal(mine.code, 1);
    assert.equal(
      mine.stderr,
      'Pod/x: spec.containers[0].imagee: unknown field "imagee" in io.k8s.api.core.v1.Container (did you mean "image"?)\n' +
        'error: validation failed: 1 problem in Pod/x; nothing was created (to send it anyway, use --validate=warn or --validate=false)\n',
    );
    const warned = await ktl([...args, '--dry-run=client', '--validate=warn', '-o', 'name']);
    assert.equal(warned.stdout, 'pod/x\n');
    assert.match(warned.stderr, /^Warning: Pod\/x: spec\.containers\[0\]\.imagee: unknown field/);
  });

  test('create and autoscale read the schema before they send (-v=6)', async () => {
    const create = await ktl(['create', 'cm', 'c', '--from-literal=a=b', '-n', ns, '-v=6']);
    assert.equal(create.code, 0, create.stderr);
    const seen = requests(create.stderr);
    const openapi = seen.findIndex((r) => r === 'GET /openapi/v3');
    const post = seen.findIndex((r) => r.startsWith('POST '));
    assert.ok(openapi >= 0 && openapi < post, seen.join('\n'));
    const hpa = await ktl(['autoscale', 'deploy', 'web', '--max=3', '-n', ns, '-v=6']);
    assert.equal(hpa.code, 0, hpa.stderr);
    assert.ok(requests(hpa.stderr).includes('GET /openapi/v3'), hpa.stderr);
  });

  test('offline, --dry-run=client skips the check silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktl-offline-'));
    const kubeconfig = join(dir, 'config');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\n' +
        'contexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\nusers: [{name: u, user: {token: t}}]\n',
    );
    const args = ['create', 'deployment', 'd', '--image=nginx', '--dry-run=client', '-o', 'yaml'];
    const env = { env: { KUBECONFIG: kubeconfig, HOME: dir } };
    const [mine, theirs] = await Promise.all([ktl(args, env), kubectl(args, env)]);
    assert.equal(mine.code, 0, mine.stderr);
    assert.equal(mine.stderr, '');
    assert.equal(mine.stdout, theirs.stdout);
  });
});

describe('generators resolve resource types with discovery', () => {
  const suffix = `${process.pid}${Date.now().toString(36)}`;
  const group = `gen${suffix}.example.com`;
  const plural = `gizmos${suffix}`;
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'gen-mapper',
    );
    const crd = crdManifest({
      group,
      plural,
      kind: `Gizmo${suffix}`,
      shortNames: [`gz${suffix}`],
      schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    });
    const spec = crd['spec'] as { versions: Array<Record<string, unknown>> };
    const version = spec.versions[0] ?? {};
    version['subresources'] = {
      scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
    };
    await kubectlOk(['apply', '-f', '-'], { input: JSON.stringify(crd) });
    await kubectlOk([
      'wait',
      '--for=condition=Established',
      `crd/${plural}.${group}`,
      '--timeout=60s',
    ]);
    await kubectlOk(['apply', '-n', ns, '-f', '-'], {
      input: JSON.stringify({
        apiVersion: `${group}/v1`,
        kind: `Gizmo${suffix}`,
        metadata: { name: 'g1' },
        spec: { replicas: 1 },
      }),
    });
  });
  after(() => kubectl(['delete', 'crd', `${plural}.${group}`, '--wait=false']));

  const resources: Array<[string, () => string]> = [
    ['a CRD plural', () => plural],
    ['a CRD short name', () => `gz${suffix}`],
    ['plural.group/subresource', () => `${plural}.${group}/status`],
    ['a built-in short name', () => 'deploy'],
    ['an unknown resource', () => 'nosuchthing'],
    ['an unknown resource in a group', () => 'nosuchthing.example.com'],
    ['users, which only impersonate names', () => 'users'],
  ];
  for (const [label, resource] of resources) {
    test(`create role --resource like kubectl: ${label}`, async () => {
      for (const verbs of [['--verb=get'], ['--verb=get', '--verb=impersonate']]) {
        const args = ['create', 'role', 'r', ...verbs, `--resource=${resource()}`, '-n', ns];
        assertSame(await both([...args, '--dry-run=client', '-o', 'yaml']));
      }
    });
  }

  test('a CRD rule names its plural and group', async () => {
    const out = await ktl([
      'create',
      'role',
      'r',
      '--verb=get',
      `--resource=gz${suffix}`,
      '--dry-run=client',
      '-o',
      'json',
    ]);
    const role = JSON.parse(out.stdout) as { rules: unknown[] };
    assert.deepEqual(role.rules, [{ verbs: ['get'], apiGroups: [group], resources: [plural] }]);
  });

  test('autoscale a custom resource with a scale subresource, by short name', async () => {
    const args = ['autoscale', `gz${suffix}`, 'g1', '--max=3', '-n', ns];
    assertSame(await both([...args, '--dry-run=client', '-o', 'yaml']));
    assertSame(await both(['autoscale', 'nosuchthing', 'g1', '--max=3', '-n', ns]));
  });
});

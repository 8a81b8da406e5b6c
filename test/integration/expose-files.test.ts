/**
 * expose and autoscale read their objects from -f, -k and -R through the resource builder, as
 * kubectl's do (the file's object as read, no fetch): stdout, stderr and exit code side by side
 * with kubectl, and the Service and HPA each leaves behind.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

function deployment(ns: string, name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: c
        image: nginx
        ports:
        - containerPort: 80
`;
}

describe('expose and autoscale with -f, -k and -R, side by side with kubectl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-expose-'));
  let ns = '';
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'expose-f');
    writeFileSync(join(dir, 'web.yaml'), deployment(ns, 'web'));
    mkdirSync(join(dir, 'k'));
    mkdirSync(join(dir, 'tree', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'k', 'web.yaml'), deployment(ns, 'web'));
    writeFileSync(join(dir, 'k', 'kustomization.yaml'), 'resources:\n- web.yaml\n');
    writeFileSync(join(dir, 'tree', 'nested', 'api.yaml'), deployment(ns, 'api'));
  });
  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  async function same(args: string[]): Promise<void> {
    const [mine, theirs] = await Promise.all([
      ktl(args, { cwd: dir }),
      kubectl(args, { cwd: dir }),
    ]);
    const label = args.join(' ');
    assert.equal(mine.stdout, theirs.stdout, `stdout of ${label}`);
    assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${label}`);
    assert.equal(mine.code, theirs.code, `exit code of ${label}`);
  }

  test('client dry-run prints the same objects from a file, a kustomization and a tree', async () => {
    const dry = ['--dry-run=client', '-o', 'yaml'];
    await same(['expose', '-f', 'web.yaml', '--port=80', ...dry]);
    await same(['expose', '-k', 'k', '--port=8080', '--target-port=80', ...dry]);
    await same(['expose', '-f', 'tree', '-R', '--port=80', ...dry]);
    await same(['expose', '-f', 'tree', '--port=80', ...dry]);
    await same(['autoscale', '-f', 'web.yaml', '--max=3', ...dry]);
    await same(['autoscale', '-k', 'k', '--max=4', '--min=2', '--dry-run=client', '-o', 'name']);
  });

  test("kubectl's errors: -f with -k, -f with names, a missing file", async () => {
    await same(['expose', '-f', 'web.yaml', '-k', 'k', '--port=80']);
    await same(['expose', '-f', 'web.yaml', 'deployment', 'web', '--port=80']);
    await same(['autoscale', '-f', 'missing.yaml', '--max=3']);
  });

  test('expose -f and autoscale -k create what kubectl creates', async () => {
    // As kubectl's, they create in the command's namespace (-n), not the file's.
    const expose = await ktl(['expose', '-f', 'web.yaml', '--port=80', '-n', ns], { cwd: dir });
    assert.deepEqual([expose.stdout, expose.code], ['service/web exposed\n', 0]);
    const scale = await ktl(['autoscale', '-k', 'k', '--max=3', '-n', ns], { cwd: dir });
    assert.deepEqual(
      [scale.stdout, scale.code],
      ['horizontalpodautoscaler.autoscaling/web autoscaled\n', 0],
    );
    const svc = JSON.parse(await kubectlOk(['get', 'svc', 'web', '-n', ns, '-o', 'json'])) as {
      spec: { selector: unknown; ports: unknown };
    };
    assert.deepEqual(svc.spec.selector, { app: 'web' });
    assert.deepEqual(svc.spec.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    const hpa = JSON.parse(await kubectlOk(['get', 'hpa', 'web', '-n', ns, '-o', 'json'])) as {
      spec: { scaleTargetRef: unknown; maxReplicas: number };
    };
    assert.deepEqual(hpa.spec.scaleTargetRef, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
    });
    assert.equal(hpa.spec.maxReplicas, 3);
  });
});

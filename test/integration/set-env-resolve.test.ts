/**
 * `set env --list --resolve` and `set env -e -` / `set env -` side by side with kubectl: every
 * kind of valueFrom reference resolved (ConfigMap and Secret keys, fieldRef paths,
 * resourceFieldRef divisors), the references that cannot be read named on stderr, and
 * `KEY=VALUE` lines read from stdin (comments cut, lines without `=` skipped).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

function deployment(name: string, labels: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}, ${labels}}
  annotations: {note: "hi there"}
spec:
  replicas: 0
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: c1
        image: nginx
        resources:
          limits: {cpu: "1500m", memory: "1Gi"}
          requests: {cpu: "250m", memory: "100Mi"}
        env:
        - {name: PLAIN, value: "x y"}
        - {name: CM, valueFrom: {configMapKeyRef: {name: cfg, key: a}}}
        - {name: CMMISS, valueFrom: {configMapKeyRef: {name: cfg, key: nope}}}
        - {name: NOCM, valueFrom: {configMapKeyRef: {name: nocfg, key: a}}}
        - {name: NOCM2, valueFrom: {configMapKeyRef: {name: nocfg, key: b}}}
        - {name: SEC, valueFrom: {secretKeyRef: {name: sec, key: s}}}
        - {name: NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        - {name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
        - {name: LAB, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
        - {name: ANN, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['note']"}}}
        - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
        - {name: LCPU, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}}
        - {name: LCPU1, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
        - {name: RMEM, valueFrom: {resourceFieldRef: {resource: requests.memory, divisor: 1Mi, containerName: c1}}}
        - {name: RES, valueFrom: {resourceFieldRef: {resource: requests.ephemeral-storage}}}
      - name: c2
        image: busybox
        env:
        - {name: SEC2, valueFrom: {secretKeyRef: {name: sec, key: s}}}
`;
}

/** The whole labels map (metadata.labels) is valid only outside a pod template: --local only. */
const LOCAL_EXTRA = `        - {name: LABELS, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}
        - {name: BADSUB, valueFrom: {fieldRef: {fieldPath: "metadata.name['x']"}}}
        - {name: HUGE, valueFrom: {resourceFieldRef: {resource: limits.hugepages-2Mi}}}
        - {name: ODD, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}
`;

const STDIN = 'FOO=1 # a comment\nBAR=x=y\n# only a comment\nBAZ\r\nQ=\r\n';

test('set env --list --resolve and env from stdin, as kubectl', async (t) => {
  const ns = await testNamespace(t, 'ktl-set-env-resolve');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-set-env-resolve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const manifest = join(dir, 'web.yaml');
  writeFileSync(manifest, deployment('web', 'tier: front'));
  const local = join(dir, 'local.yaml');
  writeFileSync(
    local,
    deployment('loc', 'tier: "a\\"b"').replace(
      '      - name: c2',
      `${LOCAL_EXTRA}      - name: c2`,
    ),
  );
  await kubectlOk(['apply', '-n', ns, '-f', manifest]);
  await kubectlOk(['create', 'cm', 'cfg', '-n', ns, '--from-literal=a=alpha']);
  await kubectlOk(['create', 'secret', 'generic', 'sec', '-n', ns, '--from-literal=s=sec\nret']);
  const cases: string[][] = [
    ['deploy/web', '--list', '--resolve'],
    ['deploy/web', '--list'],
    ['deploy/web', '--list', '--resolve', '-c', 'c2'],
    ['deploy/web', '--resolve', '--list', 'EXTRA=1', 'CM-'],
    ['--local', '-f', local, '--list', '--resolve'],
    ['deploy/web', '-e', '-', '--dry-run=client', '-o', 'yaml'],
    ['deploy/web', '-', 'QUX=1', 'FOO-', '--dry-run=client', '-o', 'yaml'],
    ['deploy/web', '-', '--list', '--resolve', '-c', 'c2'],
  ];
  for (const args of cases) {
    const full = ['set', 'env', '-n', ns, ...args];
    const [mine, theirs] = await Promise.all([
      ktl(full, { input: STDIN }),
      kubectl(full, { input: STDIN }),
    ]);
    const label = args.join(' ');
    assert.equal(mine.stdout, theirs.stdout, label);
    assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), label);
    assert.equal(mine.code, theirs.code, label);
  }
  // the same change made for real by each tool, on a copy of its own: the same env left behind
  for (const [tool, name] of [
    [ktl, 'web-t'],
    [kubectl, 'web-k'],
  ] as const) {
    writeFileSync(join(dir, `${name}.yaml`), deployment(name, 'tier: front'));
    await kubectlOk(['apply', '-n', ns, '-f', join(dir, `${name}.yaml`)]);
    const run = await tool(['set', 'env', '-n', ns, `deploy/${name}`, '-', 'CM-'], {
      input: STDIN,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `deployment.apps/${name} env updated\n`);
  }
  const envOf = (name: string) =>
    kubectlOk([
      'get',
      '-n',
      ns,
      `deploy/${name}`,
      '-o',
      'jsonpath={.spec.template.spec.containers[*].env}',
    ]);
  assert.equal(await envOf('web-t'), await envOf('web-k'));
});

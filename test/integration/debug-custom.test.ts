/**
 * `ktl debug --custom` against kubectl: the file is read as kubectl reads it into a Go
 * corev1.Container (unknown fields and nulls dropped, required fields written as zero values,
 * zero values of non-pointer fields left out, YAML scalars turned into strings) and merged into
 * the debug container with a strategic merge patch. Compared: the output, the exit code and the
 * container left behind, for node debugging pods, ephemeral containers and pod copies.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

const mask = (text: string): string =>
  text.replace(/(debugger|node-debugger-[\w-]+?|kube-api-access)-[a-z0-9]{5}\b/g, '$1-XXXXX');

function assertSame(mine: RunResult, theirs: RunResult, what: string): void {
  assert.equal(mask(mine.stderr), mask(theirs.stderr.replaceAll('kubectl', 'ktl')), what);
  assert.equal(mask(mine.stdout), mask(theirs.stdout), what);
  assert.equal(mine.code, theirs.code, what);
}

interface Pod {
  metadata: { name: string };
  spec: { containers: unknown[]; ephemeralContainers?: unknown[] };
}

const FILES: Record<string, string> = {
  // env merges by name, unknown fields and nulls go, stdin:false and workingDir:"" are Go zero
  // values (left out), privileged:false is a pointer (kept), Tty matches tty case-insensitively,
  // a YAML number becomes a string, capabilities.add replaces the profile's list
  'merged.yaml': `env:
- name: A
  value: custom
- name: C
  value: 3
  bogus: x
securityContext:
  privileged: false
  capabilities:
    add: [NET_ADMIN]
ports:
- containerPort: 80
stdin: false
Tty: true
workingDir: ""
unknownTop: 1
terminationMessagePolicy: null
resources:
  limits: {cpu: 100m}
`,
  // a volumeMount without name: Go writes "name": "", which overwrites the profile's host-root
  'unnamed-mount.yaml': 'volumeMounts:\n- mountPath: /host\n  readOnly: true\n',
  'ephemeral.json': JSON.stringify({
    securityContext: { runAsUser: 0, capabilities: { drop: ['NET_RAW'] } },
    env: [{ name: 'B', value: 'two' }],
    imagePullPolicy: 'IfNotPresent',
  }),
  'copy.yaml':
    'env: [{name: FROM_CUSTOM, value: "yes"}]\nreadinessProbe: {exec: {command: ["true"]}, periodSeconds: 7}\n',
  'type-error.yaml': 'env: x\n',
  // no string conversion below the Probe's embedded ProbeHandler, as with sigs.k8s.io/yaml
  'probe-bool.yaml': 'readinessProbe: {exec: {command: [true]}}\n',
  'probe-type-error.yaml': 'readinessProbe: {periodSeconds: "5"}\n',
  'nested-type-error.json': '{"env": [{"name": "A", "valueFrom": "x"}]}',
  'array.json': '[1]',
  'image.yaml': 'image: busybox\n',
  'empty.yaml': '',
};

describe('ktl debug --custom matches kubectl', () => {
  let ns = '';
  const dir = mkdtempSync(join(tmpdir(), 'ktl-debug-custom-'));
  const file = (name: string): string => join(dir, name);
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    for (const [name, text] of Object.entries(FILES)) writeFileSync(file(name), text);
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'debug-custom');
    for (const name of ['mine', 'theirs'])
      await kubectlOk(['apply', '-n', ns, '-f', '-'], {
        input: `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - {name: app, image: nginx, env: [{name: KEEP, value: "1"}]}
`,
      });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(cleanups.map((fn) => fn()));
  });

  /** The containers of the node debugging pods, then the pods removed for the next case. */
  async function nodePodContainers(): Promise<string[]> {
    const selector = ['-n', ns, '-l', 'app.kubernetes.io/managed-by=kubectl-debug'];
    const list = JSON.parse(await kubectlOk(['get', 'pods', ...selector, '-o', 'json'])) as {
      items: Pod[];
    };
    await kubectlOk(['delete', 'pods', ...selector, '--grace-period=0', '--force']);
    return list.items.map((pod) => mask(JSON.stringify(pod.spec.containers)));
  }

  test('node debugging pods: the merged container, and a merge the server refuses', async () => {
    for (const [name, flags] of [
      ['merged.yaml', ['--profile=sysadmin', '--env=A=1', '-i', '--attach=false']],
      ['unnamed-mount.yaml', ['--profile=legacy']],
      ['empty.yaml', ['--profile=general']],
    ] as const) {
      const args = ['debug', 'node/kwok-node-0', '-n', ns, '--image=busybox', ...flags];
      const custom = `--custom=${file(name)}`;
      const mine = await ktl([...args, custom]);
      const theirs = await kubectl([...args, custom]);
      assertSame(mine, theirs, name);
      const containers = await nodePodContainers();
      assert.equal(containers.length, mine.code === 0 ? 2 : 0, name);
      assert.equal(containers[0], containers[1], name);
    }
  });

  test('an ephemeral container and a pod copy', async () => {
    const custom = `--custom=${file('ephemeral.json')}`;
    for (const name of ['mine', 'theirs']) {
      const run = name === 'mine' ? ktl : kubectl;
      const args = ['debug', name, '-n', ns, '--image=busybox', '-c', 'dbg', '--env=B=1'];
      const result = await run([...args, '--profile=restricted', custom]);
      assert.equal(result.code, 0, result.stderr);
      const copy = [
        ...['debug', name, '-n', ns, '-c', 'app', `--copy-to=${name}-copy`, '--profile=general'],
        `--custom=${file('copy.yaml')}`,
        ...['--', 'sh'],
      ];
      const copied = await run(copy);
      assert.equal(copied.code, 0, copied.stderr);
    }
    const spec = async (name: string) =>
      (JSON.parse(await kubectlOk(['get', 'pod', name, '-n', ns, '-o', 'json'])) as Pod).spec;
    assert.deepEqual(
      (await spec('mine')).ephemeralContainers,
      (await spec('theirs')).ephemeralContainers,
    );
    assert.equal(
      mask(JSON.stringify((await spec('mine-copy')).containers)),
      mask(JSON.stringify((await spec('theirs-copy')).containers)),
    );
  });

  test('files kubectl refuses, in its words', async () => {
    for (const custom of [
      file('type-error.yaml'),
      file('probe-bool.yaml'),
      file('probe-type-error.yaml'),
      file('nested-type-error.json'),
      file('array.json'),
      file('image.yaml'),
      file('missing.yaml'),
      dir,
    ]) {
      const args = ['debug', 'mine', '-n', ns, '--image=busybox', `--custom=${custom}`];
      assertSame(await ktl(args), await kubectl(args), custom);
    }
  });
});

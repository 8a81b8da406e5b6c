import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ktl, kubectl, kubectlOk, kubectlPath } from '../helpers/cluster.js';
import type { Twins } from './verbs-helpers.js';
import { kc, twins } from './verbs-helpers.js';

/** A scripted editor: records each file it is shown, then runs one sed script per pass. */
function scriptedEditor(
  passes: string[],
  firstRun = '',
): { env: Record<string, string>; seen: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-smp-editor-'));
  const script = join(dir, 'editor.sh');
  const cases = passes.map((sed, i) => `  ${i}) sed -i '${sed}' "$1" ;;`).join('\n');
  writeFileSync(
    script,
    `#!/bin/sh\nn=$(ls ${dir}/seen.* 2>/dev/null | wc -l)\ncp "$1" ${dir}/seen.$n\n[ $n = 0 ] && ${firstRun || 'true'}\ncase $n in\n${cases}\nesac\n`,
  );
  chmodSync(script, 0o755);
  const seen = (): string[] =>
    readdirSync(dir)
      .filter((f) => f.startsWith('seen.'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  return { env: { KUBE_EDITOR: script, EDITOR: '' }, seen };
}

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: multi}
spec:
  replicas: 1
  selector: {matchLabels: {app: multi}}
  template:
    metadata: {labels: {app: multi}}
    spec:
      containers:
        - {name: a, image: nginx:1, env: [{name: X, value: "1"}]}
        - {name: b, image: busybox:1}
        - {name: c, image: redis:1, ports: [{containerPort: 6379}]}
`;

interface ManagedEntry {
  manager: string;
  operation: string;
  fieldsV1?: unknown;
}

async function deployment(ns: string): Promise<{
  containers: Array<Record<string, unknown>>;
  managedFields: ManagedEntry[];
}> {
  const json = await kc(ns, 'get', 'deploy/multi', '-o', 'json', '--show-managed-fields');
  const object = JSON.parse(json) as {
    spec: { template: { spec: { containers: Array<Record<string, unknown>> } } };
    metadata: { managedFields: ManagedEntry[] };
  };
  return {
    containers: object.spec.template.spec.containers,
    managedFields: object.metadata.managedFields,
  };
}

/** Both tools run the same editor passes on their twin; returns both results and files seen. */
async function editBoth(
  pair: Twins,
  passes: string[],
  args = ['edit', 'deploy/multi'],
  firstRun: (ns: string) => string = () => '',
) {
  const theirsEditor = scriptedEditor(passes, firstRun(pair.theirs));
  const mineEditor = scriptedEditor(passes, firstRun(pair.mine));
  const theirs = await kubectl(['-n', pair.theirs, ...args], { env: theirsEditor.env });
  const mine = await ktl(['-n', pair.mine, ...args], { env: mineEditor.env });
  return { mine, theirs, mineSeen: mineEditor.seen(), theirsSeen: theirsEditor.seen() };
}

const commentLines = (text: string): string =>
  text
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .join('\n');
const maskFile = (text: string): string => text.replace(/"\/tmp\/[^"]+"/g, '"<file>"');

describe('edit sends a strategic merge patch for built-in types, as kubectl does', () => {
  let pair: Twins;
  before(async () => {
    pair = await twins('edit-smp', async (ns) => {
      await kubectlOk(['-n', ns, 'create', '-f', '-'], { input: DEPLOYMENT });
    });
  });

  test("editing one container's image leaves the others alone; same managedFields as kubectl", async () => {
    const { mine, theirs } = await editBoth(pair, ['s|image: busybox:1|image: busybox:2|']);
    assert.equal(mine.stdout, 'deployment.apps/multi edited\n');
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    assert.equal(mine.code, 0);
    const [ours, kubectls] = await Promise.all([deployment(pair.mine), deployment(pair.theirs)]);
    assert.deepEqual(
      ours.containers.map((c) => c['image']),
      ['nginx:1', 'busybox:2', 'redis:1'],
    );
    assert.deepEqual(ours.containers, kubectls.containers);
    const editEntry = (entries: ManagedEntry[]) =>
      entries
        .filter((e) => e.manager === 'kubectl-edit')
        .map(({ manager, operation, fieldsV1 }) => ({ manager, operation, fieldsV1 }));
    assert.equal(editEntry(ours.managedFields)[0]?.operation, 'Update');
    assert.deepEqual(editEntry(ours.managedFields), editEntry(kubectls.managedFields));
  });

  test('a change made to another container while the editor is open survives the save', async () => {
    const setImage = (ns: string) =>
      `${kubectlPath()} -n ${ns} set image deploy/multi a=nginx:9 >/dev/null`;
    const { mine, theirs } = await editBoth(
      pair,
      ['s|image: busybox:2|image: busybox:3|'],
      ['edit', 'deploy/multi'],
      setImage,
    );
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    const [ours, kubectls] = await Promise.all([deployment(pair.mine), deployment(pair.theirs)]);
    assert.deepEqual(
      ours.containers.map((c) => c['image']),
      ['nginx:9', 'busybox:3', 'redis:1'],
    );
    assert.deepEqual(ours.containers, kubectls.containers);
  });

  test('an invalid value reopens the file with the error on top and the edit kept, like kubectl', async () => {
    const { mine, theirs, mineSeen, theirsSeen } = await editBoth(pair, [
      's|image: redis:1|image: ""|',
      's|image: ""|image: redis:2|',
    ]);
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    assert.equal(mine.code, theirs.code);
    assert.equal(mineSeen.length, 2);
    assert.equal(commentLines(mineSeen[1] ?? ''), commentLines(theirsSeen[1] ?? ''));
    assert.match(
      mineSeen[1] ?? '',
      /^# \* spec\.template\.spec\.containers\[2\]\.image: Required value$/m,
    );
    assert.match(mineSeen[1] ?? '', /image: ""/, 'the failed edit is still in the reopened file');
    const ours = await deployment(pair.mine);
    assert.deepEqual(
      ours.containers.map((c) => c['image']),
      ['nginx:9', 'busybox:3', 'redis:2'],
    );
  });

  test("changing the name is refused with kubectl's error and the file kept", async () => {
    const { mine, theirs } = await editBoth(pair, ['s|^  name: multi$|  name: renamed|']);
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(maskFile(mine.stderr), maskFile(theirs.stderr));
    assert.match(mine.stderr, /error: At least one of apiVersion, kind and name was changed/);
    assert.equal(mine.code, 1);
  });
});

const CRD_NAME = `smpgadgets.e${process.pid}.ktl-test.example.com`;
const CRD_GROUP = CRD_NAME.slice('smpgadgets.'.length);

describe('edit sends a JSON merge patch for custom resources, as kubectl does', () => {
  let pair: Twins;
  before(async () => {
    await kubectlOk(['apply', '-f', '-'], {
      input: `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${CRD_NAME}}
spec:
  group: ${CRD_GROUP}
  names: {kind: SmpGadget, plural: smpgadgets, singular: smpgadget}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`,
    });
    await kubectlOk(['wait', '--for=condition=Established', `crd/${CRD_NAME}`, '--timeout=30s']);
    pair = await twins('edit-merge', async (ns) => {
      await kubectlOk(['-n', ns, 'create', '-f', '-'], {
        input: `{"apiVersion":"${CRD_GROUP}/v1","kind":"SmpGadget","metadata":{"name":"g"},"parts":[{"name":"x","size":1},{"name":"y","size":2}]}`,
      });
    });
  });
  after(() => kubectl(['delete', 'crd', CRD_NAME, '--wait=false']));

  test('a list in a custom resource is replaced whole, as the same edit by kubectl', async () => {
    const { mine, theirs } = await editBoth(
      pair,
      ['s|size: 2|size: 3|'],
      ['edit', `smpgadgets.${CRD_GROUP}/g`],
    );
    assert.equal(mine.stdout, theirs.stdout);
    assert.equal(mine.stderr, theirs.stderr);
    const parts = (ns: string) =>
      kc(ns, 'get', `smpgadgets.${CRD_GROUP}/g`, '-o', 'jsonpath={.parts}');
    assert.equal(await parts(pair.mine), await parts(pair.theirs));
    assert.match(await parts(pair.mine), /"size":3/);
  });
});

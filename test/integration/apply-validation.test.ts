import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';
import { manifestFixture } from './apply-helpers.js';

/** 40 documents: ConfigMaps, Services and Deployments named obj-0 … obj-39. */
function fortyDocuments(broken: Map<number, string>): { text: string; lines: Map<number, number> } {
  const docs: string[] = [];
  const lines = new Map<number, number>();
  let line = 1;
  for (let i = 0; i < 40; i++) {
    let doc: string;
    if (i % 3 === 0)
      doc = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: obj-${i}\ndata:\n  k: "${i}"\n`;
    else if (i % 3 === 1)
      doc = `apiVersion: v1\nkind: Service\nmetadata:\n  name: obj-${i}\nspec:\n  ports:\n  - port: 80\n`;
    else
      doc = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: obj-${i}\nspec:\n  replicas: 0\n  selector: {matchLabels: {app: a${i}}}\n  template:\n    metadata: {labels: {app: a${i}}}\n    spec:\n      containers: [{name: c, image: nginx}]\n`;
    const fault = broken.get(i);
    if (fault) {
      const [from, to] = fault.split('=>') as [string, string];
      const at = doc.split('\n').findIndex((l) => l.includes(from));
      lines.set(i, line + at);
      doc = doc.replace(from, to);
    }
    docs.push(doc);
    line += doc.split('\n').length;
  }
  return { text: docs.join('---\n'), lines };
}

function writeTemp(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ktl-apply-')), 'forty.yaml');
  writeFileSync(file, text);
  return file;
}

test('strict: three broken documents out of 40 are all located and nothing is written', async (t) => {
  const namespace = await testNamespace(t, 'apply-40');
  const broken = new Map([
    [4, 'ports:=>portz:'],
    [8, 'replicas: 0=>replicas: "zero"'],
    [30, 'k: "30"=>k: ["30"]'],
  ]);
  const { text, lines } = fortyDocuments(broken);
  const file = writeTemp(text);
  const result = await ktl(['apply', '-n', namespace, '-f', file]);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  const problemLines = result.stderr.split('\n').filter((l) => l.startsWith(file));
  assert.deepEqual(
    problemLines.map((l) => /:(\d+):(\d+) \(document (\d+), ([^)]+)\)/.exec(l)?.slice(1)),
    [
      [String(lines.get(4)), '3', '5', 'Service/obj-4'],
      [String(lines.get(8)), '3', '9', 'Deployment/obj-8'],
      [String(lines.get(30)), '3', '31', 'ConfigMap/obj-30'],
    ],
  );
  assert.match(
    problemLines[0]!,
    /spec\.portz: unknown field "portz" in io\.k8s\.api\.core\.v1\.ServiceSpec \(did you mean "ports"\?\)$/,
  );
  assert.match(problemLines[1]!, /spec\.replicas: expected an integer, got a string \("zero"\)$/);
  assert.match(problemLines[2]!, /data\.k: expected a string, got an array$/);
  assert.match(
    result.stderr,
    /error: validation failed: 3 problems in 3 objects; nothing was applied/,
  );
  const live = await kubectlOk(['get', 'cm,svc,deploy', '-n', namespace, '-o', 'name']);
  assert.deepEqual(
    live.split('\n').filter((l) => l.includes('obj-')),
    [],
  );
});

test('server rejections: the other 38 objects are applied and the summary names exactly the 2', async (t) => {
  const namespace = await testNamespace(t, 'apply-rej');
  // Two immutable ConfigMaps whose data the manifest changes: the server refuses both.
  for (const name of ['obj-9', 'obj-21'])
    await kubectlOk(['create', '-n', namespace, '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name },
        immutable: true,
        data: { k: 'old' },
      }),
    });
  const { text } = fortyDocuments(new Map());
  const file = writeTemp(text);
  const result = await ktl(['apply', '-n', namespace, '-f', file]);
  assert.equal(result.code, 1, result.stderr);
  const outLines = result.stdout.trim().split('\n');
  assert.equal(outLines.length, 38);
  assert.ok(!outLines.some((l) => /obj-(9|21) /.test(l)));
  assert.equal(outLines[0], 'configmap/obj-0 created');
  assert.equal(outLines[1], 'service/obj-1 created');
  assert.equal(outLines[2], 'deployment.apps/obj-2 created');
  assert.match(
    result.stderr,
    /forty\.yaml:\d+:\d+ \(document 10, ConfigMap\/obj-9\): The ConfigMap "obj-9" is invalid: data: Forbidden: field is immutable/,
  );
  assert.match(
    result.stderr,
    /\(document 22, ConfigMap\/obj-21\): The ConfigMap "obj-21" is invalid/,
  );
  const summary = result.stderr.slice(result.stderr.indexOf('error: 2 of 40 objects failed'));
  assert.match(
    summary,
    /^error: 2 of 40 objects failed; 38 applied\.\nFailed \(2\):\n {2}configmap\/obj-9 \([^\n]+document 10\)\n {2}configmap\/obj-21 \([^\n]+document 22\)\nApplied \(38\):\n/,
  );
  const live = (await kubectlOk(['get', 'cm,svc,deploy', '-n', namespace, '-o', 'name'])).split(
    '\n',
  );
  assert.equal(live.filter((l) => /\/obj-\d+$/.test(l)).length, 40);
});

/** File, what ktl reports, and whether kubectl refuses it too (it takes the last duplicate key). */
const corpus: Array<[string, RegExp, boolean]> = [
  ['tabs.yaml', /tabs\.yaml:6:1 \(document 1\): a tab character is used for indentation/, true],
  ['duplicate-key.yaml', /duplicate-key\.yaml:8:3 \(document 1\): duplicate key "a"/, false],
  ['bad-indent.yaml', /bad-indent\.yaml:5:1 \(document 1\): bad indentation or structure/, true],
  ['alias-bomb.yaml', /alias-bomb\.yaml:1:1 \(document 1\): too many YAML aliases/, true],
  [
    'typos.yaml',
    /typos\.yaml:6:3 \(document 1, Deployment\/typo\): spec\.replica: unknown field "replica" in io\.k8s\.api\.apps\.v1\.DeploymentSpec \(did you mean "replicas"\?\)/,
    true,
  ],
  [
    'wrong-types.yaml',
    /wrong-types\.yaml:14:3 \(document 2, Deployment\/types\): spec\.replicas: expected an integer, got a string \("3"\)/,
    true,
  ],
];

for (const [name, expected, kubectlRefuses] of corpus) {
  test(`broken manifest ${name}: ktl locates the problem, kubectl also refuses, nothing is created`, async (t) => {
    const namespace = await testNamespace(t, 'apply-bad');
    const file = manifestFixture('invalid', name);
    const ours = await ktl(['apply', '-n', namespace, '-f', file]);
    assert.equal(ours.code, 1);
    assert.match(ours.stderr, expected);
    const theirs = await kubectl(['apply', '-n', namespace, '-f', file, '--dry-run=server']);
    assert.equal(theirs.code !== 0, kubectlRefuses, `kubectl on ${name}: ${theirs.stderr}`);
    const live = await kubectlOk(['get', 'cm,svc,deploy', '-n', namespace, '-o', 'name']);
    assert.deepEqual(
      live.split('\n').filter((l) => l && !l.includes('kube-root-ca')),
      [],
    );
  });
}

test('--validate=warn prints the problems and sends the objects; the server decides', async (t) => {
  const namespace = await testNamespace(t, 'apply-warn');
  const file = manifestFixture('invalid', 'warn-typo.yaml');
  const result = await ktl(['apply', '-n', namespace, '-f', file, '--validate=warn']);
  assert.match(
    result.stderr,
    /^Warning: .*warn-typo\.yaml:8:7 \(document 1, Service\/typo\): spec\.ports\[0\]\.protocl: unknown field "protocl"/m,
  );
  // The server, asked for Warn, warns too (located in the file) and creates the Service.
  assert.match(
    result.stderr,
    /^Warning: .*warn-typo\.yaml:8:7 \(document 1, Service\/typo\): unknown field "spec\.ports\[0\]\.protocl"$/m,
  );
  assert.equal(result.stdout, 'service/typo created\n');
  assert.equal(result.code, 0);
});

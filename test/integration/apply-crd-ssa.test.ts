import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';
import { crdManifest } from '../helpers/crd.js';

function crdAndWidget(group: string, namespace: string, spec: Record<string, unknown>): string {
  const crd = crdManifest({
    group,
    plural: 'widgets',
    kind: 'Widget',
    schema: {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          required: ['size'],
          properties: {
            size: { type: 'integer' },
            tags: { type: 'array', items: { type: 'string' } },
            extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            port: { 'x-kubernetes-int-or-string': true },
          },
        },
      },
    },
  });
  const widget = {
    apiVersion: `${group}/v1`,
    kind: 'Widget',
    metadata: { name: 'w1', namespace },
    spec,
  };
  return `${JSON.stringify(crd)}\n---\n${JSON.stringify(widget)}\n`;
}

test('a CRD and its custom resource in one file; JSON merge patch; CRD schema validation', async (t) => {
  const namespace = await testNamespace(t, 'apply-crd');
  const group = `w${process.pid}${Date.now().toString(36)}.example.com`;
  t.after(() => kubectl(['delete', 'crd', `widgets.${group}`, '--wait=false']));
  const first = crdAndWidget(group, namespace, {
    size: 1,
    tags: ['a', 'b'],
    extra: { any: [1] },
    port: 'http',
  });
  const created = await ktl(['apply', '-f', '-'], { input: first });
  assert.equal(created.code, 0, created.stderr);
  assert.equal(
    created.stdout,
    `customresourcedefinition.apiextensions.k8s.io/widgets.${group} created\nwidget.${group}/w1 created\n`,
  );
  const second = crdAndWidget(group, namespace, { size: 2, tags: ['b'], extra: { any: [1] } });
  const configured = await ktl(['apply', '-f', '-'], { input: second });
  assert.equal(
    configured.stdout,
    `customresourcedefinition.apiextensions.k8s.io/widgets.${group} unchanged\nwidget.${group}/w1 configured\n`,
  );
  const spec = await kubectlOk([
    'get',
    `widgets.${group}`,
    'w1',
    '-n',
    namespace,
    '-o',
    'jsonpath={.spec}',
  ]);
  assert.deepEqual(JSON.parse(spec), { size: 2, tags: ['b'], extra: { any: [1] } });
  // kubectl applying the same file next sees nothing to change.
  const byKubectl = await kubectlOk(['apply', '-f', '-'], { input: second });
  assert.match(byKubectl, new RegExp(`widget.${group.replace(/\./g, '\\.')}/w1 unchanged`));
  const bad = await ktl(['apply', '-f', '-'], {
    input: crdAndWidget(group, namespace, { size: 'big' }),
  });
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    /^STDIN:\d+:\d+ \(document 2, Widget\/w1\): spec\.size: expected an integer, got a string \("big"\)$/m,
  );
});

test('server-side apply: serverside-applied, conflicts printed as kubectl prints them, --force-conflicts', async (t) => {
  const namespace = await testNamespace(t, 'apply-ssa');
  const cm = (a: string): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: "${a}"\n  b: "${a}"\n`;
  const first = await ktl(
    ['apply', '--server-side', '--field-manager=first', '-n', namespace, '-f', '-'],
    { input: cm('1') },
  );
  assert.equal(first.stdout, 'configmap/s serverside-applied\n');
  const ours = await ktl(['apply', '--server-side', '-n', namespace, '-f', '-'], {
    input: cm('2'),
  });
  const theirs = await kubectl(['apply', '--server-side', '-n', namespace, '-f', '-'], {
    input: cm('2'),
  });
  assert.equal(ours.code, 1);
  assert.equal(theirs.code, 1);
  assert.match(
    ours.stderr,
    /^STDIN:6:3 \(document 1, ConfigMap\/s\): error: Apply failed with 2 conflicts/,
  );
  assert.equal(
    ours.stderr.replace(/^STDIN:\d+:\d+ \(document 1, ConfigMap\/s\): /, ''),
    theirs.stderr,
  );
  const forced = await ktl(
    ['apply', '--server-side', '--force-conflicts', '-n', namespace, '-f', '-'],
    { input: cm('2') },
  );
  assert.equal(forced.code, 0);
  const data = await kubectlOk(['get', 'cm', 's', '-n', namespace, '-o', 'jsonpath={.data}']);
  assert.deepEqual(JSON.parse(data), { a: '2', b: '2' });
  const dryRun = await ktl(
    ['apply', '--server-side', '--dry-run=server', '-n', namespace, '-f', '-'],
    { input: cm('3') },
  );
  assert.equal(dryRun.stdout, 'configmap/s serverside-applied (server dry run)\n');
});

test("namespace rules: an explicit -n that differs from the object is refused with kubectl's message", async () => {
  const input = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: a\n';
  const ours = await ktl(['apply', '-n', 'b', '-f', '-'], { input });
  const theirs = await kubectl(['apply', '-n', 'b', '-f', '-'], { input });
  assert.equal(ours.code, 1);
  assert.equal(ours.stderr, theirs.stderr);
});

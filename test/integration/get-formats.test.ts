/**
 * Every -o format of `ktl get` against the real API server, compared byte for byte (stdout,
 * stderr, exit code) with the same-version kubectl on the same objects; only AGE is normalised,
 * and only in tables.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kubectl, normalizeAges, testNamespace } from '../helpers/cluster.js';
import {
  createObjects,
  createWidgetCrd,
  same,
  sortedWords,
  tempFile,
} from './get-formats-helpers.js';

describe('ktl get -o matches kubectl', () => {
  let ns = '';
  let widgets = '';
  const group = `fmt${process.pid}.ktl.example.com`;
  before(async () => {
    ns = await testNamespace({ after: (fn: () => unknown) => cleanups.push(fn) }, 'get-fmt');
    await createObjects(ns);
    widgets = await createWidgetCrd(ns, group);
  });
  const cleanups: Array<() => unknown> = [];
  after(async () => {
    await kubectl(['delete', 'crd', `widgets.${group}`, '--wait=false']);
    for (const cleanup of cleanups) await cleanup();
  });

  test('-o json and -o yaml: lists, single objects, tricky YAML scalars, several types', async () => {
    for (const format of ['json', 'yaml']) {
      const single = await same(['get', 'cm', 'tricky', '-n', ns, '-o', format]);
      assert.ok(!single.stdout.includes('managedFields'));
      await same(['get', 'cm', '-n', ns, '-o', format]);
      await same(['get', 'cm,deploy,svc,secrets', '-n', ns, '-o', format]);
      await same(['get', 'cm', 'tricky', 'plain', '-n', ns, '-o', format]);
      await same(['get', 'svc', '-n', ns, '-l', 'app=none', '-o', format]);
    }
    const yaml = await same(['get', 'cm', 'tricky', '-n', ns, '-o', 'yaml']);
    assert.match(yaml.stdout, /\n {2}"yes": "yes"\n/);
    assert.match(yaml.stdout, /\n {2}one: "1"\n/);
    assert.match(yaml.stdout, /\n {2}multi: \|\n {4}line one\n {4}line two\n/);
    assert.match(yaml.stdout, /\n {2}long: word word .*\n {4}word/);
  });

  test('--show-managed-fields keeps managedFields in json and yaml', async () => {
    const json = await same([
      'get',
      'cm',
      'tricky',
      '-n',
      ns,
      '-o',
      'json',
      '--show-managed-fields',
    ]);
    assert.match(json.stdout, /"managedFields"/);
    await same(['get', 'cm', '-n', ns, '-o', 'yaml', '--show-managed-fields']);
  });

  test('-o name for one and several types, and -o NAME', async () => {
    const out = await same(['get', 'deploy,svc,cm', '-n', ns, '-o', 'name']);
    assert.match(out.stdout, /^deployment\.apps\/web\nservice\/web\n/);
    await same(['get', 'cm', 'plain', '-n', ns, '-o', 'name']);
    await same(['get', 'cm', '-n', ns, '-o', 'NAME']);
    await same(['get', 'svc', '-n', ns, '-l', 'app=none', '-o', 'name']);
  });

  test("JSONPath expressions from kubectl's documentation", async () => {
    const expressions = [
      '{.kind}',
      "{['kind']}",
      '{.items[0].metadata.name}',
      '{.items[*].metadata.name}',
      '{.items[-1:].metadata.name}',
      '{.items[0:2].metadata.name}',
      '{.items[*].spec.containers[*].image}',
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
      '{range .items[*]}[{.metadata.name}, {.spec.nodeName}] {end}',
      '{.items[?(@.status.phase=="Running")].metadata.name}',
      '{.items[?(@.status.phase!="Running")].metadata.name}',
      "{.items[*]['metadata.name', 'status.phase']}",
      '{.items[0].metadata.labels}',
      '{.items[0].status.conditions[?(@.type=="Ready")].status}',
      '{.items[*].missing}',
      '{@}',
    ];
    for (const expression of expressions)
      await same(['get', 'pods', '-n', ns, '-o', `jsonpath=${expression}`]);
    await same(['get', 'pods', '-n', ns, '-o', 'jsonpath={..name}'], sortedWords);
    await same(['get', 'cm', 'plain', '-n', ns, '-o', 'jsonpath={..a}']);
    await same([
      'get',
      'cm',
      'tricky',
      '-n',
      ns,
      '-o',
      'jsonpath={.metadata.labels.app\\.kubernetes\\.io/name}',
    ]);
    await same([
      'get',
      'cm',
      '-n',
      ns,
      '-o',
      'jsonpath={.items[0].metadata.managedFields[0].manager}',
    ]);
    await same([
      'get',
      'nodes',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}{" "}{.status.capacity}{"\\n"}{end}',
    ]);
    await same(['get', 'pods', '-n', ns, '-o', 'jsonpath-as-json={.items[*].metadata.name}']);
    await same(['get', 'cm', 'plain', '-n', ns, '-o', 'jsonpath-as-json={.data}{.kind}']);
    await same(['get', 'cm', '-n', ns, '-o', 'jsonpath', '--template={.items[*].kind}']);
    const file = tempFile('names.jsonpath', '{range .items[*]}{.metadata.name}{"\\n"}{end}');
    await same(['get', 'deploy,cm', '-n', ns, '-o', `jsonpath-file=${file}`]);
  });

  test('JSONPath failures', async () => {
    await same(['get', 'cm', '-n', ns, '-o', 'jsonpath={.items[}']);
    await same(['get', 'cm', '-n', ns, '-o', 'jsonpath={.items[9]}']);
    await same([
      'get',
      'cm',
      '-n',
      ns,
      '-o',
      'jsonpath={.missing}',
      '--allow-missing-template-keys=false',
    ]);
    await same(['get', 'cm', 'nope', '-n', ns, '-o', 'jsonpath={.items[']);
    await same(['get', 'cm', '-n', ns, '-o', 'jsonpath-file=/nonexistent/t']);
  });

  test('custom-columns and custom-columns-file', async () => {
    const spec =
      'NAME:.metadata.name,IMAGES:.spec.template.spec.containers[*].image,REPLICAS:.spec.replicas,MISSING:.nope';
    await same(['get', 'deploy', '-n', ns, '-o', `custom-columns=${spec}`]);
    await same([
      'get',
      'cm,deploy',
      '-n',
      ns,
      '-o',
      'custom-columns=NAME:metadata.name,KIND:{.kind},LABELS:.metadata.labels',
    ]);
    await same([
      'get',
      'cm',
      '-n',
      ns,
      '-o',
      'custom-columns=NAME:.metadata.name,DATA:.data.multi',
      '--no-headers',
    ]);
    await same(['get', 'svc', '-n', ns, '-l', 'app=none', '-o', 'custom-columns=N:.metadata.name']);
    await same(['get', 'cm', 'plain', '-n', ns, '-o', 'custom-columns=N:.metadata.name']);
    const file = tempFile('cols.txt', 'NAME   RV\n.metadata.name   {.metadata.uid}\n');
    await same(['get', 'cm', '-n', ns, '-o', `custom-columns-file=${file}`, '--no-headers']);
    await same([
      'get',
      'cm',
      '-n',
      ns,
      '-o',
      `custom-columns-file=${tempFile('short', 'A B\n.a\n')}`,
    ]);
    await same(['get', 'cm', '-n', ns, '-o', `custom-columns-file=${tempFile('one', 'A B\n')}`]);
    await same(['get', 'cm', '-n', ns, '-o', 'custom-columns=NAME']);
    await same(['get', 'cm', '-n', ns, '-o', 'custom-columns=']);
  });

  test('unknown formats and missing templates', async () => {
    await same(['get', 'cm', '-n', ns, '-o', 'xyz']);
    await same(['get', 'cm', '-n', ns, '-o', 'jsonpath']);
    await same(['get', 'cm', '-n', ns, '-o', 'go-template=']);
    await same(['get', 'cm', 'nope', '-n', ns, '-o', 'json']);
    await same(['get', 'cm', 'nope', 'nope2', '-n', ns, '-o', 'json']);
    await same(['get', 'cm', 'nope', '-n', ns, '-o', 'yaml', '--ignore-not-found']);
  });

  test('a CRD with additionalPrinterColumns: table, -o wide, -A, custom-columns', async () => {
    await same(['get', widgets, '-n', ns], normalizeAges);
    await same(['get', 'wdg', '-n', ns, '-o', 'wide'], normalizeAges);
    await same(['get', widgets, '-A'], normalizeAges);
    await same(['get', `${widgets},cm`, '-n', ns], normalizeAges);
    await same(['get', widgets, '-n', ns, '-o', 'custom-columns=N:.metadata.name,S:.spec.size']);
    await same(['get', widgets, 'small', '-n', ns, '-o', 'yaml']);
  });

  test("-A with several types keeps kubectl's NAMESPACE column rules", async () => {
    await same(['get', `nodes,${widgets}`, '-A'], normalizeAges);
    await same(['get', `${widgets},nodes`, '-A'], normalizeAges);
    await same(['get', `${widgets},nodes,${widgets}`, '-A', '--no-headers'], normalizeAges);
  });

  test('get -w prints each object as kubectl does (json, yaml, name, columns, events)', async () => {
    const watch = (format: string, extra: string[] = []) =>
      same(['get', 'cm', '-n', ns, '-w', '-o', format, ...extra], (s) => s, {
        settledWhen: (out) => ['kube-root-ca.crt', 'plain', 'tricky'].every((n) => out.includes(n)),
      });
    await Promise.all([
      watch('json'),
      watch('yaml'),
      watch('name'),
      watch('custom-columns=NAME:.metadata.name,DATA:.data.one'),
      watch('json', ['--output-watch-events']),
      watch('yaml', ['--output-watch-events']),
    ]);
  });
});

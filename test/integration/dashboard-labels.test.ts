/**
 * Label and annotate from the dashboard (one prompt taking what `ktl label` / `ktl annotate`
 * take), on the selected row or every marked row, checked with kubectl against the real cluster.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectlOk } from '../helpers/cluster.js';
import { DashboardFixture, titleLine } from './dashboard-terminal.js';

/** The dashboard's label and annotate keys (chosen not to clash with k9s's). */
const LABEL = 'C-t';
const ANNOTATE = 'C-o';

const dash = new DashboardFixture({ columns: 150, rows: 30, inNamespace: true });
let namespace = '';

before(async () => {
  namespace = await dash.createNamespace('ktl-labels');
  for (const name of ['cm-1', 'cm-2', 'cm-3'])
    await kubectlOk(['create', 'configmap', name, '-n', namespace]);
});

after(() => dash.cleanUp());

const labelOf = (name: string, key: string) =>
  kubectlOk([
    'get',
    'configmap',
    name,
    '-n',
    namespace,
    '-o',
    `jsonpath={.metadata.labels.${key}}`,
  ]);

const configMapsShown = (s: string) =>
  /^configmaps\([^)]*\)\[4\]/.test(titleLine(s)) && /synced/.test(s);

test('label the marked rows in one prompt; an existing key needs --overwrite, as ktl label says; key- removes it', async () => {
  const t = dash.open(['configmaps']);
  await t.waitFor(configMapsShown);
  t.keys(['Space', 'j', 'Space', LABEL]);
  await t.waitFor(/Label 2 configmaps \(cm-1, cm-2\) \(key=value key- \[--overwrite\]\):/);
  t.type('tier=web team=a');
  t.keys(['Enter']);
  await t.waitFor(/2 configmaps \(cm-1, cm-2\) labeled/);
  const labeled = await kubectlOk([
    'get',
    'cm',
    '-n',
    namespace,
    '-l',
    'tier=web,team=a',
    '-o',
    'name',
  ]);
  assert.deepEqual(labeled.trim().split('\n'), ['configmap/cm-1', 'configmap/cm-2']);
  // The marks went with the action: the next one is about the selected row; back to cm-1.
  await t.waitFor((s) => !/marked/.test(titleLine(s)));
  t.keys(['g', LABEL]);
  await t.waitFor(/Label configmap\/cm-1 \(key=value/);
  t.type('tier=db');
  t.keys(['Enter']);
  await t.waitFor(/'tier' already has a value \(web\), and --overwrite is false/);
  assert.equal(await labelOf('cm-1', 'tier'), 'web');
  t.keys([LABEL]);
  await t.waitFor(/Label configmap\/cm-1 \(key=value/);
  t.type('tier=db --overwrite');
  t.keys(['Enter']);
  await t.waitFor(/configmap\/cm-1 labeled/);
  assert.equal(await labelOf('cm-1', 'tier'), 'db');
  t.keys([LABEL]);
  await t.waitFor(/Label configmap\/cm-1 \(key=value/);
  t.type('tier- team-');
  t.keys(['Enter']);
  await t.waitFor(/configmap\/cm-1 labeled/);
  const left = await kubectlOk([
    'get',
    'cm',
    'cm-1',
    '-n',
    namespace,
    '-o',
    'jsonpath={.metadata.labels}',
  ]);
  assert.equal(left, '');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test("a bad pair is refused with ktl label's message and changes nothing; esc cancels", async () => {
  const t = dash.open(['configmaps']);
  await t.waitFor(configMapsShown);
  t.keys(['G', 'k', LABEL]);
  await t.waitFor(/Label configmap\/cm-3 \(key=value/);
  t.type('a=b=c');
  t.keys(['Enter']);
  await t.waitFor(/invalid label spec: a=b=c/);
  t.keys([LABEL]);
  await t.waitFor(/Label configmap\/cm-3 \(key=value/);
  t.type('x=y');
  t.keys(['Escape']);
  await t.waitFor((s) => !/Label configmap/.test(s));
  const labels = await kubectlOk([
    'get',
    'cm',
    'cm-3',
    '-n',
    namespace,
    '-o',
    'jsonpath={.metadata.labels}',
  ]);
  assert.equal(labels, '');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('annotate takes any value, quoted with spaces; key- removes it', async () => {
  const t = dash.open(['configmaps']);
  await t.waitFor(configMapsShown);
  t.keys(['j', ANNOTATE]);
  await t.waitFor(/Annotate configmap\/cm-2 \(key=value key- \[--overwrite\]\):/);
  t.type(`note='hello world' owner=me`);
  t.keys(['Enter']);
  await t.waitFor(/configmap\/cm-2 annotated/);
  const note = await kubectlOk([
    'get',
    'cm',
    'cm-2',
    '-n',
    namespace,
    '-o',
    'jsonpath={.metadata.annotations.note}/{.metadata.annotations.owner}',
  ]);
  assert.equal(note, 'hello world/me');
  t.keys([ANNOTATE]);
  await t.waitFor(/Annotate configmap\/cm-2/);
  t.type('note=again');
  t.keys(['Enter']);
  await t.waitFor(
    /--overwrite is false but found the following declared annotation\(s\): 'note' already has a value \(hello world\)/,
  );
  t.keys([ANNOTATE]);
  await t.waitFor(/Annotate configmap\/cm-2/);
  t.type('note- owner-');
  t.keys(['Enter']);
  await t.waitFor(/configmap\/cm-2 annotated/);
  const annotations = await kubectlOk([
    'get',
    'cm',
    'cm-2',
    '-n',
    namespace,
    '-o',
    'jsonpath={.metadata.annotations}',
  ]);
  assert.equal(annotations, '');
  t.keys(['q']);
  assert.equal(await t.exited(), 0);
});

test('--readonly refuses label and annotate; the help screen lists them as off', async () => {
  const t = dash.open(['configmaps', '--readonly']);
  await t.waitFor(configMapsShown);
  t.keys([LABEL]);
  await t.waitFor(/read-only: label is disabled/);
  t.keys([ANNOTATE]);
  await t.waitFor(/read-only: annotate is disabled/);
  // The help screen names both keys (off in read-only mode).
  t.keys(['?']);
  await t.waitFor(/^Global/m);
  t.together(Array.from({ length: 25 }, () => 'j'));
  await t.waitFor(/ctrl-t +label: key=value key- \[--overwrite\].*\(read-only: off\)/);
  await t.waitFor(/ctrl-o +annotate: key=value key- \[--overwrite\].*\(read-only: off\)/);
  t.keys(['Escape', 'q']);
  assert.equal(await t.exited(), 0);
});

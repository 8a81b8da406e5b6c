/**
 * `ktl kustomize` against the same-version `kubectl kustomize` (no cluster needed, only the
 * binary): every case must print the same bytes on stdout and stderr and exit alike. Cases are
 * the fixture trees in test/fixtures/kustomize (overlays several levels deep, a diamond,
 * components) and small trees written to temporary directories.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { ktl, kubectl, repoRoot } from '../helpers/cluster.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'kustomize');

async function same(dir: string, flags: string[] = []): Promise<void> {
  const theirs = await kubectl(['kustomize', dir, ...flags]);
  const mine = await ktl(['kustomize', dir, ...flags]);
  assert.equal(mine.stdout, theirs.stdout, 'stdout');
  assert.equal(mine.stderr, theirs.stderr, 'stderr');
  assert.equal(mine.code, theirs.code, 'exit code');
}

/** Writes a tree of files into a temporary directory removed when the test ends. */
function tree(t: TestContext, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ktl-kustomize-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

for (const name of [
  'base-app',
  'overlay-dev',
  'overlay-prod',
  'overlay-deep',
  'diamond/left',
  'diamond/top',
  'components/app',
  'vars',
  'replacements',
  'configurations',
])
  test(`kustomize ${name} prints what kubectl kustomize prints`, () => same(join(fixtures, name)));

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - containerPort: 80
        env:
        - {name: A, value: a}
      - name: side
        image: busybox
`;

const cases: Record<string, Record<string, string>> = {
  'strategic merge patch: prepend order, $patch delete/replace, null clears': {
    'kustomization.yaml': `resources: [d.yaml]
patches:
- patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web, labels: {app: null}}
    spec:
      template:
        spec:
          containers:
          - name: new
            image: new
          - name: web
            env:
            - {name: B, value: b}
            ports:
            - containerPort: 8080
              protocol: TCP
          - name: side
            $patch: delete
          securityContext:
            $patch: replace
            runAsUser: 1
`,
    'd.yaml': deployment,
  },
  'patch targets by regex name, label and annotation selectors': {
    'kustomization.yaml': `resources: [d.yaml, cm.yaml]
patches:
- target: {kind: ConfigMap, name: "c[0-9]+"}
  patch: |-
    - {op: add, path: /data/patched, value: "yes"}
- target: {labelSelector: "tier in (a,b)", annotationSelector: "x=y"}
  patch: |-
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: ignored}
    data: {smp: "1"}
`,
    'd.yaml': deployment,
    'cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: c1, labels: {tier: a}, annotations: {x: y}}
data: {k: v}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other}
data: {k: v}
`,
  },
  'custom resources: lists replaced, not merged': {
    'kustomization.yaml': `resources: [w.yaml]
patches:
- patch: |-
    apiVersion: example.com/v1
    kind: Widget
    metadata: {name: w}
    spec:
      items:
      - {name: b}
`,
    'w.yaml': `apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  items:
  - {name: a}
  keep: true
`,
  },
  'generator options, immutable, env files, binary data': {
    'kustomization.yaml': `generatorOptions:
  labels: {gen: "yes"}
  immutable: true
configMapGenerator:
- name: cfg
  envs: [a.env]
  files: [bin=blob.bin]
  options:
    annotations: {note: local}
secretGenerator:
- name: tls
  type: kubernetes.io/tls
  literals: [tls.crt=CERT, tls.key=KEY]
`,
    'a.env': 'X=1\n# comment\nY="quoted"\n',
    'blob.bin': '\u00ff\u00fe binary',
  },
  'sortOptions legacy with custom order': {
    'kustomization.yaml': `resources: [d.yaml, cm.yaml]
sortOptions:
  order: legacy
  legacySortOptions:
    orderFirst: [Deployment]
    orderLast: [ConfigMap]
`,
    'd.yaml': deployment,
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
  },
  'builtin transformer and generator plugins by config file': {
    'kustomization.yaml': `resources: [d.yaml]
transformers: [labels.yaml, ns.yaml]
generators: [gen.yaml]
`,
    'd.yaml': deployment,
    'labels.yaml': `apiVersion: builtin
kind: LabelTransformer
metadata: {name: l}
labels: {plugin: label}
fieldSpecs:
- {path: metadata/labels, create: true}
`,
    'ns.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata: {name: n, namespace: plugged}
`,
    'gen.yaml': `apiVersion: builtin
kind: ConfigMapGenerator
metadata: {name: generated}
literals: [a=b]
`,
  },
  'deprecated fields: bases, imageTags, patchesJson6902 with warnings': {
    'kustomization.yaml': `bases: [base]
imageTags:
- {name: nginx, newTag: "2"}
patchesJson6902:
- target: {group: apps, version: v1, kind: Deployment, name: web}
  patch: '[{"op": "replace", "path": "/spec/template/spec/containers/0/name", "value": "renamed"}]'
`,
    'base/kustomization.yaml': 'resources: [d.yaml]\n',
    'base/d.yaml': deployment,
  },
  'buildMetadata managedByLabel': {
    'kustomization.yaml': 'resources: [d.yaml]\nbuildMetadata: [managedByLabel]\n',
    'd.yaml': deployment,
  },
  'openapi: a custom schema replaces the built-in one for strategic merge': {
    'kustomization.yaml':
      'resources: [w.yaml, d.yaml]\nopenapi:\n  path: schema.json\npatches:\n- patch: |-\n    apiVersion: example.com/v1\n    kind: Widget\n    metadata: {name: w}\n    spec:\n      items:\n      - {name: b, v: 2}\n      - {name: a, extra: true}\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec:\n      template:\n        spec:\n          containers:\n          - {name: y, image: y}\n',
    'schema.json':
      '{\n  "definitions": {\n    "com.example.v1.Widget": {\n      "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Widget"}],\n      "properties": {\n        "spec": {"$ref": "#/definitions/com.example.v1.WidgetSpec"}\n      }\n    },\n    "com.example.v1.WidgetSpec": {\n      "properties": {\n        "items": {\n          "type": "array",\n          "x-kubernetes-patch-strategy": "merge",\n          "x-kubernetes-patch-merge-key": "name",\n          "items": {"$ref": "#/definitions/com.example.v1.Item"}\n        }\n      }\n    },\n    "com.example.v1.Item": {"properties": {"name": {"type": "string"}}}\n  }\n}\n',
    'w.yaml':
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  items:\n  - {name: a, v: 1}\n',
    'd.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: x, image: x}\n',
  },
  'crds: name references and label selectors declared in OpenAPI definitions': {
    'kustomization.yaml':
      'crds: [mycrd.json]\nresources: [res.yaml]\nnamePrefix: pre-\ncommonLabels: {app: x}\n',
    'mycrd.json':
      '{\n  "github.com/example/pkg/apis/jingfang/v1beta1.Bee": {\n    "Schema": {\n      "properties": {\n        "apiVersion": {"type": "string"},\n        "kind": {"type": "string"},\n        "metadata": {"$ref": "k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta"},\n        "spec": {"$ref": "github.com/example/pkg/apis/jingfang/v1beta1.BeeSpec"}\n      }\n    }\n  },\n  "github.com/example/pkg/apis/jingfang/v1beta1.BeeSpec": {\n    "Schema": {\n      "properties": {\n        "configMap": {"type": "object", "x-kubernetes-object-ref-api-version": "v1", "x-kubernetes-object-ref-kind": "ConfigMap"},\n        "selector": {"type": "object", "x-kubernetes-label-selector": ""}\n      }\n    }\n  }\n}\n',
    'res.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n---\napiVersion: jingfang.example.com/v1beta1\nkind: Bee\nmetadata: {name: bee}\nspec:\n  configMap: {name: cm}\n  selector: {}\n',
  },
  'missing resource file': { 'kustomization.yaml': 'resources: [nothere.yaml]\n' },
  'unknown field': { 'kustomization.yaml': 'resources: []\nfoo: bar\n' },
  'empty kustomization': { 'kustomization.yaml': '' },
  'generator key collision': {
    'kustomization.yaml': 'configMapGenerator:\n- name: x\n  literals: [a=1, a=2]\n',
  },
  'duplicate resource id': {
    'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n',
    'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
  },
  'patch without target matching nothing': {
    'kustomization.yaml': `resources: [d.yaml]
patches:
- patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: nope}
    spec: {replicas: 2}
`,
    'd.yaml': deployment,
  },
  'cycle between kustomizations': {
    'a/kustomization.yaml': 'resources: [../b]\n',
    'b/kustomization.yaml': 'resources: [../a]\n',
  },
  'component used as a resource': {
    'kustomization.yaml': 'resources: [comp]\n',
    'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
  },
  'replicas naming nothing': {
    'kustomization.yaml': 'resources: [d.yaml]\nreplicas:\n- {name: nope, count: 2}\n',
    'd.yaml': deployment,
  },
  // Merge keys come from kustomize's embedded v1.21.2 schema, for every kind it has: a
  // ServiceAccount's secrets merge by name, a webhook configuration's webhooks by name, node
  // addresses by type; apps/v1beta1 is not in that schema, so its containers are replaced.
  "strategic merge keys of kustomize's embedded schema, kind by kind": {
    'kustomization.yaml': `resources: [r.yaml]
patches:
- patch: |-
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: sa}
    secrets: [{name: added}]
- patch: |-
    apiVersion: admissionregistration.k8s.io/v1
    kind: ValidatingWebhookConfiguration
    metadata: {name: hooks}
    webhooks:
    - name: b.example.com
      timeoutSeconds: 5
- patch: |-
    apiVersion: apps/v1beta1
    kind: Deployment
    metadata: {name: old}
    spec:
      template:
        spec:
          containers:
          - {name: added, image: added}
- patch: |-
    apiVersion: v1
    kind: Node
    metadata: {name: n1}
    status:
      addresses: [{type: Hostname, address: patched}]
`,
    'r.yaml': `apiVersion: v1
kind: ServiceAccount
metadata: {name: sa}
secrets: [{name: first}]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: hooks}
webhooks:
- {name: a.example.com, sideEffects: None, admissionReviewVersions: [v1]}
- {name: b.example.com, sideEffects: None, admissionReviewVersions: [v1]}
---
apiVersion: apps/v1beta1
kind: Deployment
metadata: {name: old}
spec:
  template:
    spec:
      containers:
      - {name: main, image: main}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  addresses: [{type: InternalIP, address: 10.0.0.1}, {type: Hostname, address: n1}]
`,
  },
  'YAML merge keys (<<) in a resource are expanded, as kyaml reads them': {
    'kustomization.yaml': 'resources: [cm.yaml]\n',
    'cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: merged}
defaults: &defaults {k: "1", j: "0"}
data:
  <<: *defaults
  j: "2"
`,
  },
  // kustomize 5.7.1 checks no generator key (its validator's key checks return nil); an env
  // line without a key gives none.
  'generator keys with spaces and slashes, from literals and env files': {
    'kustomization.yaml': `configMapGenerator:
- name: g
  literals: ["has space=1", "a/b=2", "ok=3"]
  envs: [e.env]
secretGenerator:
- name: s
  envs: [e.env]
`,
    'e.env': '=novalue\n1abc=1\nwith space=2\n',
  },
  // The printer's fast paths: long strings folded at 80 columns (plain, single-quoted with
  // quotes inside, at several depths), numbered keys sorted by value, keys that need quotes.
  'long strings fold and numbered keys sort as kubectl prints them': {
    'kustomization.yaml': `resources: [cm.yaml]
namePrefix: p-
`,
    'cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: folding
  annotations:
    plain: ${'word '.repeat(30).trim()}
    quoted: 'it''s a sentence: with a colon, and it goes on long enough to fold past the eightieth column'
    spaces: 'two  spaces  between  words  that  go  on  and  on  past  the  eightieth  column  of  the  line'
data:
  field10: ten
  field9: nine
  field09: nine-zero
  field1: one
  a0b: x
  a00b: y
  "yes": quoted-key
  "": empty
  "key: with colon": v
  nested: '${'deeper text with a colon: here '.repeat(5).trim()}'
---
apiVersion: example.com/v1
kind: Schema
metadata: {name: s}
spec: {"properties": {"field0": {"type": "string", "description": "Field 0: a description long enough to fold once it passes the eightieth column of its line."}, "field12": {"type": "integer"}, "field2": {"description": "it's short"}}}
`,
  },
};

for (const [name, files] of Object.entries(cases))
  test(`kustomize: ${name}`, async (t) => {
    const root = tree(t, files);
    await same(name.startsWith('cycle') ? join(root, 'a') : root);
  });

const configMaps = `apiVersion: v1
kind: ConfigMap
metadata: {name: c1}
data: {a: b}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c2}
data: {a: b}
`;

/** Replacement, JSON patch, generator and var cases: output or error text and exit as kubectl's. */
const replacementCases: Record<string, string> = {
  'sourceValue sets and creates fields': `replacements:
- sourceValue: fixed
  targets: [{select: {name: c1}, fieldPaths: [data.a, data.new], options: {create: true}}]
`,
  'sourceValue beside a source': `replacements:
- source: {kind: ConfigMap, name: c1, fieldPath: data.a}
  sourceValue: fixed
  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.a]}]
`,
  'no source': `replacements:
- targets: [{select: {kind: ConfigMap}, fieldPaths: [data.a]}]
`,
  'a target without select': `replacements:
- sourceValue: x
  targets: [{fieldPaths: [data.a]}]
`,
  'a source that selects nothing': `replacements:
- source: {kind: Secret, name: nope, fieldPath: data.a, options: {delimiter: "-", index: 1}}
  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.a]}]
`,
  'a source that selects several objects': `replacements:
- source: {kind: ConfigMap}
  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.a]}]
`,
  'a missing source field': `replacements:
- source: {kind: ConfigMap, name: c1, fieldPath: data.missing}
  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.a]}]
`,
  'a missing target field': `replacements:
- source: {kind: ConfigMap, name: c1, fieldPath: data.a}
  targets: [{select: {kind: ConfigMap}, fieldPaths: [spec.missing]}]
`,
  'a JSON patch in YAML reads y/no/on as booleans (go-yaml v2), a JSON one as strings': `patches:
- target: {name: c1}
  patch: |-
    - {op: add, path: /data/yes, value: y}
    - {op: add, path: /data/off, value: off}
- target: {name: c2}
  patch: '[{"op": "add", "path": "/data/y", "value": "y"}]'
`,
  'an option kustomize 5.7 does not know (allowNoTargetMatch)': `replacements:
- source: {kind: ConfigMap, name: c1, fieldPath: data.a}
  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.a], options: {allowNoTargetMatch: true}}]
`,
  'a JSON patch replacing a missing key, then a missing parent': `patches:
- target: {name: c1}
  patch: '[{"op": "replace", "path": "/data/new", "value": "x"}]'
- target: {name: c2}
  patch: '[{"op": "replace", "path": "/data/missing/deeper", "value": "x"}]'
`,
  'a missing env file of a generator': `configMapGenerator:
- name: g
  envs: [missing.env]
`,
  'a var whose object is missing (its warning first)': `vars:
- name: V
  objref: {kind: Secret, name: nope, apiVersion: v1}
`,
};

for (const [name, kustomization] of Object.entries(replacementCases))
  test(`kustomize: ${name}`, async (t) => {
    const root = tree(t, {
      'kustomization.yaml': `resources: [cms.yaml]\n${kustomization}`,
      'cms.yaml': configMaps,
    });
    await same(root);
  });

test('kustomize: merging a generator with no base object fails as kubectl does', async (t) => {
  // kubectl's message prints Go pointers and structs; the meaning must match.
  const root = tree(t, {
    'kustomization.yaml': 'configMapGenerator:\n- name: x\n  behavior: merge\n  literals: [a=1]\n',
  });
  const theirs = await kubectl(['kustomize', root]);
  const mine = await ktl(['kustomize', root]);
  assert.equal(mine.code, theirs.code);
  assert.equal(mine.stdout, '');
  assert.match(theirs.stderr, /does not exist; cannot merge or replace/);
  assert.equal(
    mine.stderr,
    'error: merging from generator: id ConfigMap.v1.[noGrp]/x.[noNs] does not exist; cannot merge or replace\n',
  );
});

test('kustomize: a file outside the root needs --load-restrictor=LoadRestrictionsNone', async (t) => {
  const root = tree(t, {
    'outside.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: out}\n',
    'app/kustomization.yaml': 'resources: [../outside.yaml]\n',
  });
  await same(join(root, 'app'));
  await same(join(root, 'app'), ['--load-restrictor', 'LoadRestrictionsNone']);
});

test('kustomize: --reorder none keeps input order, with the deprecation notice', async (t) => {
  const root = tree(t, {
    'kustomization.yaml': 'resources: [r.yaml]\n',
    'r.yaml': `${deployment}---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n`,
  });
  await same(root, ['--reorder', 'none']);
  await same(root, ['--reorder', 'legacy']);
});

test('kustomize: a missing directory fails as kubectl does', async (t) => {
  const root = tree(t, {});
  await same(join(root, 'nothing-here'));
  await same(root);
});

test('kustomize: helmCharts and --enable-helm are refused with a message naming them', async (t) => {
  const root = tree(t, {
    'kustomization.yaml': 'helmCharts:\n- name: x\n  repo: https://example.com\n',
  });
  const helm = await ktl(['kustomize', root]);
  assert.equal(helm.code, 1);
  assert.match(helm.stderr, /^error: .*'helmCharts' is not supported/);
  const flag = await ktl(['kustomize', '--enable-helm', root]);
  assert.equal(flag.code, 1);
  assert.match(flag.stderr, /^error: .*--enable-helm/);
});

test('kustomize: remote bases are refused with a message naming them', async (t) => {
  const root = tree(t, {
    'kustomization.yaml':
      'resources: [https://github.com/kubernetes-sigs/kustomize//examples/helloWorld]\n',
  });
  const result = await ktl(['kustomize', root]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^error: .*remote resource .* is not supported/);
});

test('kustomize -o writes the output to a file', async (t) => {
  const root = tree(t, {
    'kustomization.yaml': 'resources: [d.yaml]\n',
    'd.yaml': deployment,
  });
  const theirs = await kubectl(['kustomize', root]);
  const out = join(root, 'out.yaml');
  const mine = await ktl(['kustomize', root, '-o', out]);
  assert.equal(mine.code, 0);
  assert.equal(mine.stdout, '');
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(out, 'utf8'), theirs.stdout);
});

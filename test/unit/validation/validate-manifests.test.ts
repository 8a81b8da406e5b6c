import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifestText } from '../../../src/resources/manifest/parse-documents.js';
import { didYouMean } from '../../../src/resources/validation/did-you-mean.js';
import type { OpenApiDocument } from '../../../src/resources/validation/schema-types.js';
import { findKindSchema, openApiPathFor } from '../../../src/resources/validation/schema-types.js';
import {
  formatValidationProblem,
  validateManifests,
} from '../../../src/resources/validation/validate-manifests.js';
import { recordedDocument } from './recorded-schemas.js';

const documents = new Map<string, OpenApiDocument>();
function lookup(gvk: { group: string; version: string; kind: string }) {
  const path = openApiPathFor(gvk.group, gvk.version);
  if (!['api/v1', 'apis/apps/v1', 'apis/batch/v1'].includes(path))
    return Promise.resolve(undefined);
  if (!documents.has(path)) documents.set(path, recordedDocument(path));
  return Promise.resolve(findKindSchema(documents.get(path)!, gvk));
}

async function problemsOf(text: string): Promise<string[]> {
  const { objects, problems } = await parseManifestText('m.yaml', text);
  assert.deepEqual(problems, []);
  return (await validateManifests(objects, lookup)).map(formatValidationProblem);
}

const deployment = (spec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}`;

const validSpec = `  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 500m, memory: 1Gi}
          requests: {cpu: 0.5}
        livenessProbe:
          httpGet: {path: /, port: 8080}
        readinessProbe:
          httpGet: {path: /, port: http}
`;

test('a valid Deployment has no problems (int-or-string, quantities as strings and numbers)', async () => {
  assert.deepEqual(await problemsOf(deployment(validSpec)), []);
});

test('unknown fields with a suggestion, wrong types, enums and required fields, each located', async () => {
  const spec = validSpec
    .replace('replicas: 2', 'replica: 2')
    .replace('image: nginx', 'image: nginx\n        imagePullPolicy: Sometimes')
    .replace('containerPort: 80', 'containerPort: "80"')
    .replace('httpGet: {path: /, port: 8080}', 'httpGet: {path: /, port: 1.5}');
  assert.deepEqual(await problemsOf(deployment(spec)), [
    'm.yaml:6:3 (document 1, Deployment/web): spec.replica: unknown field "replica" in io.k8s.api.apps.v1.DeploymentSpec (did you mean "replicas"?)',
    'm.yaml:16:9 (document 1, Deployment/web): spec.template.spec.containers[0].imagePullPolicy: unsupported value "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    'm.yaml:18:11 (document 1, Deployment/web): spec.template.spec.containers[0].ports[0].containerPort: expected an integer, got a string ("80")',
    'm.yaml:23:30 (document 1, Deployment/web): spec.template.spec.containers[0].livenessProbe.httpGet.port: expected an integer or a string, got a number (1.5)',
  ]);
  const missing = await problemsOf(deployment('  replicas: 1\n'));
  assert.deepEqual(missing, [
    'm.yaml:5:1 (document 1, Deployment/web): spec.selector: required field is missing',
    'm.yaml:5:1 (document 1, Deployment/web): spec.template: required field is missing',
  ]);
});

test('apiVersion, kind and name must be set; unknown kinds are left to the server', async () => {
  const problems = await problemsOf(
    'metadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n---\napiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec: {anything: 1}\n',
  );
  assert.deepEqual(problems, [
    'm.yaml:1:1 (document 1, <no kind>/x): apiVersion: not set',
    'm.yaml:1:1 (document 1, <no kind>/x): kind: not set',
    'm.yaml:5:1 (document 2, ConfigMap): metadata.name: not set',
  ]);
});

test('did you mean: close names only', () => {
  assert.equal(didYouMean('replica', ['replicas', 'selector']), 'replicas');
  assert.equal(didYouMean('Selector', ['replicas', 'selector']), 'selector');
  assert.equal(didYouMean('zzz', ['replicas', 'selector']), undefined);
});

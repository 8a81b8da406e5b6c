/** Unit tests of the pure generators and their parsers (kubectl's behaviour as read in its source). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  containerNameForImage,
  generateDeployment,
} from '../../../src/resources/generators/deployment.js';
import { isValidImageReference } from '../../../src/resources/generators/image-reference.js';
import { generateIngress } from '../../../src/resources/generators/ingress.js';
import { parseToLabelSelector } from '../../../src/resources/generators/label-selector.js';
import { goJson } from '../../../src/util/go-json.js';
import { withLastApplied } from '../../../src/resources/generators/object.js';
import { applyOverrides } from '../../../src/resources/generators/overrides.js';
import { parseFileSource } from '../../../src/resources/generators/parse.js';
import { generateRunPod, parseEnvs } from '../../../src/resources/generators/pod.js';
import { normalizeQuantity } from '../../../src/resources/generators/quantity.js';
import { policyRules } from '../../../src/resources/generators/rbac.js';
import { configMapKeyErrors } from '../../../src/resources/generators/validation.js';
import { metricTarget } from '../../../src/resources/generators/hpa.js';

test('quantities print in canonical form', () => {
  const cases: Record<string, string> = {
    '1000m': '1',
    '1500m': '1500m',
    '1.5': '1500m',
    '1024Mi': '1Gi',
    '1536Mi': '1536Mi',
    '100M': '100M',
    '1000M': '1G',
    '2048': '2048',
    '2000': '2k',
    '1e3': '1e3',
    '0.5m': '500u',
    '0.0000000001': '1n',
    '10': '10',
    '0': '0',
    '512Ki': '512Ki',
  };
  for (const [input, expected] of Object.entries(cases))
    assert.equal(normalizeQuantity(input), expected, input);
  assert.throws(() => normalizeQuantity('1x'), /unable to parse quantity's suffix/);
});

test('image references follow distribution/reference', () => {
  for (const good of [
    'nginx',
    'nginx:1.25',
    'library/nginx',
    'reg.io:5000/a/b:tag',
    'a@sha256:' + 'a'.repeat(64),
  ])
    assert.equal(isValidImageReference(good), true, good);
  for (const bad of ['Nginx', 'nginx::', 'a b', '', 'nginx:-x'])
    assert.equal(isValidImageReference(bad), false, bad);
});

test('env and configmap keys are validated with kubectl’s words', () => {
  assert.deepEqual(parseEnvs(['A=1', 'B=']), [{ name: 'A', value: '1' }, { name: 'B' }]);
  assert.throws(() => parseEnvs(['1A=x']), { message: 'invalid env: 1A=x' });
  assert.throws(() => parseEnvs(['=x']), { message: 'invalid env: =x' });
  assert.deepEqual(configMapKeyErrors('..a'), ["must not start with '..'"]);
  assert.match(
    configMapKeyErrors('a b')[0] ?? '',
    /'key\.name', {2}or 'KEY_NAME', {2}or 'key-name', regex/,
  );
});

test('run builds the Pod with run=<name>, args or command, and overrides merged', () => {
  const pod = generateRunPod({
    name: 'p',
    image: 'busybox',
    args: ['sleep', '1'],
    command: true,
    port: '80',
  });
  assert.equal(
    goJson(pod),
    '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","labels":{"run":"p"}},"spec":{"containers":[{"name":"p","image":"busybox","command":["sleep","1"],"ports":[{"containerPort":80}],"resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}',
  );
  const merged = applyOverrides(pod, '{"spec":{"nodeName":"n1","dnsPolicy":null}}', 'merge');
  assert.equal((merged['spec'] as Record<string, unknown>)['nodeName'], 'n1');
  assert.equal('dnsPolicy' in (merged['spec'] as Record<string, unknown>), false);
  const strategic = applyOverrides(
    pod,
    '{"spec":{"containers":[{"name":"p","image":"nginx"}]}}',
    'strategic',
  );
  const container = (
    (strategic['spec'] as Record<string, unknown>)['containers'] as Array<Record<string, unknown>>
  )[0];
  assert.equal(container?.['image'], 'nginx');
  assert.deepEqual(container?.['command'], ['sleep', '1']);
  const patched = applyOverrides(
    pod,
    '[{"op":"replace","path":"/spec/restartPolicy","value":"Never"}]',
    'json',
  );
  assert.equal((patched['spec'] as Record<string, unknown>)['restartPolicy'], 'Never');
  assert.throws(() => applyOverrides(pod, '{', 'merge'), { message: 'Invalid JSON Patch' });
});

test('deployment container names drop tag and digest and get a suffix for _ or .', () => {
  assert.equal(containerNameForImage('reg.io:5000/team/app:1.2'), 'app');
  assert.equal(
    containerNameForImage('a/b_c.d@sha256:x', () => 'zzzzz'),
    'b-c-d-zzzzz',
  );
  const deploy = generateDeployment({ name: 'd', images: ['nginx'], replicas: 2, port: -1 });
  assert.equal(goJson(deploy).includes('"ports"'), false);
});

test('--save-config records the object as compact Go JSON with a trailing newline', () => {
  const object = withLastApplied(
    { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data: { a: '<' } },
    true,
  );
  const annotations = (object['metadata'] as Record<string, Record<string, string>>)['annotations'];
  assert.equal(
    annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x"},"data":{"a":"\\u003c"}}\n',
  );
});

test('file sources, selectors, rules and ingress paths parse as kubectl does', () => {
  assert.deepEqual(parseFileSource('dir/file.txt'), { key: 'file.txt', path: 'dir/file.txt' });
  assert.deepEqual(parseFileSource('k=dir/f'), { key: 'k', path: 'dir/f' });
  assert.throws(() => parseFileSource('=f'), { message: 'key name for file path f missing' });
  assert.throws(() => parseFileSource('a=b=c'), {
    message: "key names or file paths cannot contain '='",
  });
  assert.deepEqual(parseToLabelSelector('b=2,a in (y,x),!z'), {
    matchLabels: { b: '2' },
    matchExpressions: [
      { key: 'a', operator: 'In', values: ['x', 'y'] },
      { key: 'z', operator: 'DoesNotExist' },
    ],
  });
  assert.deepEqual(
    policyRules({
      name: 'r',
      verbs: ['get'],
      resources: ['deploy', 'pods/log'],
      resourceNames: [],
    }),
    [
      { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] },
      { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] },
    ],
  );
  const ingress = generateIngress({
    name: 'i',
    rules: ['h/a*=s:http,tls=c', 'h/b=s:80'],
    annotations: [],
  });
  assert.deepEqual(ingress['spec'], {
    tls: [{ hosts: ['h'], secretName: 'c' }],
    rules: [
      {
        host: 'h',
        http: {
          paths: [
            {
              path: '/a',
              pathType: 'Prefix',
              backend: { service: { name: 's', port: { name: 'http' } } },
            },
            {
              path: '/b',
              pathType: 'Exact',
              backend: { service: { name: 's', port: { number: 80 } } },
            },
          ],
        },
      },
    ],
  });
});

test('autoscale targets: percentages, quantities, bare numbers in m / Mi', () => {
  assert.deepEqual(metricTarget('70%', 'cpu'), { type: 'Utilization', averageUtilization: 70 });
  assert.deepEqual(metricTarget('500', 'cpu'), { type: 'AverageValue', averageValue: '500m' });
  assert.deepEqual(metricTarget('200', 'memory'), { type: 'AverageValue', averageValue: '200Mi' });
  assert.deepEqual(metricTarget('1.5', 'cpu'), { type: 'AverageValue', averageValue: '1500u' });
  assert.throws(() => metricTarget('x%', 'cpu'), { message: 'invalid percentage value: x' });
  assert.throws(() => metricTarget('abc', 'memory'), {
    message: 'invalid resource memory value: abc',
  });
});

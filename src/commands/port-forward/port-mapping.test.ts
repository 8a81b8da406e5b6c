import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkloadObject } from '../../resources/pods/pod-for-object.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import { parsePortMappings, podPortArgs, servicePortArgs } from './port-mapping.js';

const pod: Pod = {
  metadata: { name: 'web-1' },
  spec: { containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080 }] }] },
};
const svc: WorkloadObject = {
  metadata: { name: 'web' },
  spec: {
    clusterIP: '10.0.0.1',
    ports: [
      { name: 'web', port: 80, targetPort: 'http' },
      { name: 'metrics', port: 9090, targetPort: 9100 },
      { port: 7000 },
    ],
  },
};

test('service ports map to the pod target ports as kubectl does', () => {
  assert.deepEqual(servicePortArgs(['80', '8000:80', 'metrics', '7000'], svc, pod), [
    '80:8080',
    '8000:8080',
    '9090:9100',
    '7000',
  ]);
  assert.throws(
    () => servicePortArgs(['81'], svc, pod),
    /Service web does not have a service port 81/,
  );
  assert.throws(
    () => servicePortArgs(['nope'], svc, pod),
    /Service 'web' does not have a named port 'nope'/,
  );
});

test('named pod ports resolve through container ports', () => {
  assert.deepEqual(podPortArgs(['http', '9000:http', '5000'], pod), ['8080', '9000:8080', '5000']);
  assert.throws(() => podPortArgs(['grpc'], pod), /Pod 'web-1' does not have a named port 'grpc'/);
});

test('port arguments parse into local/remote numbers', () => {
  assert.deepEqual(parsePortMappings(['8080:80', '9090', ':53']), [
    { local: 8080, remote: 80 },
    { local: 9090, remote: 9090 },
    { local: 0, remote: 53 },
  ]);
  assert.throws(() => parsePortMappings(['8080:0']), /Error parsing remote port '0'/);
});

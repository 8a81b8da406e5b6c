import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ForwardPod } from '../../../src/dashboard/model/forward-ports.js';
import {
  choosePod,
  parseForwardPort,
  podPorts,
  servicePorts,
} from '../../../src/dashboard/model/forward-ports.js';

const pod = (name: string, phase: string, ready: boolean, created: string): ForwardPod => ({
  metadata: { name, creationTimestamp: created },
  spec: {
    containers: [
      { name: 'app', ports: [{ name: 'http', containerPort: 8080 }] },
      { name: 'side', ports: [{ containerPort: 9090 }] },
    ],
  },
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

test('choosePod: a Running and Ready pod first, the newest among equals; none when none runs', () => {
  const pods = [
    pod('pending', 'Pending', false, '2026-01-03T00:00:00Z'),
    pod('running', 'Running', false, '2026-01-04T00:00:00Z'),
    pod('ready-old', 'Running', true, '2026-01-01T00:00:00Z'),
    pod('ready-new', 'Running', true, '2026-01-02T00:00:00Z'),
  ];
  assert.equal(choosePod(pods)?.metadata?.name, 'ready-new');
  assert.equal(choosePod(pods.slice(0, 2))?.metadata?.name, 'running');
  assert.equal(choosePod(pods.slice(0, 1)), undefined);
});

test('parseForwardPort: container::port, a number, a port name; unknown ones are undefined', () => {
  const p = pod('p', 'Running', true, '');
  assert.deepEqual(parseForwardPort('side::9090', p), { container: 'side', port: 9090 });
  assert.deepEqual(parseForwardPort('9090', p), { container: 'side', port: 9090 });
  assert.deepEqual(parseForwardPort('http', p), { container: 'app', port: 8080 });
  // An undeclared number goes to the first container, as kubectl forwards any port.
  assert.deepEqual(parseForwardPort('7000', p), { container: 'app', port: 7000 });
  assert.equal(parseForwardPort('nosuch::80', p), undefined);
  assert.equal(parseForwardPort('grpc', p), undefined);
  assert.equal(parseForwardPort('70000', p), undefined);
});

test("podPorts and servicePorts: a Service's ports become the pod's target ports", () => {
  const p = pod('p', 'Running', true, '');
  assert.deepEqual(podPorts(p), [
    { container: 'app', port: 8080 },
    { container: 'side', port: 9090 },
  ]);
  const service = { spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 9090 }] } };
  assert.deepEqual(servicePorts(service, p), [
    { container: 'app', port: 8080 },
    { container: 'side', port: 9090 },
  ]);
});

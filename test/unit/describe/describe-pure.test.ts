import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PrefixWriter } from '../../../src/resources/describe/prefix-writer.js';
import { camelSplit, goValue, smartLabel } from '../../../src/resources/describe/generic.js';
import { selectorText, formatLabels } from '../../../src/resources/describe/selectors.js';
import { eventInterval } from '../../../src/resources/describe/events.js';
import { describeConfigMap, describeSecret } from '../../../src/resources/describe/config.js';
import { nodeRoles } from '../../../src/resources/describe/node.js';
import { describeProbe } from '../../../src/resources/describe/containers.js';
import { formatEndpointSlices } from '../../../src/resources/describe/service.js';

/** Text aligned as describe's PrefixWriter aligns it (Go's tabwriter: minwidth 0, padding 2). */
function formatTabbed(text: string): string {
  const writer = new PrefixWriter();
  writer.write(0, text);
  return writer.text();
}

test("Go tabwriter: blocks end at single-cell lines, each column as wide as its block's widest cell + 2", () => {
  const text = 'Name:\tx\nNamespace:\ty\nContainers:\n  c:\n    Image:\tnginx\n    Port:\t<none>\n';
  assert.equal(
    formatTabbed(text),
    'Name:       x\nNamespace:  y\nContainers:\n  c:\n    Image:  nginx\n    Port:   <none>\n',
  );
  // an empty trailing cell still pads the column (kubectl's "Container ID:   ")
  assert.equal(formatTabbed('A:\t\nLonger:\tv\n'), 'A:       \nLonger:  v\n');
  // nested columns are independent per block (no remembered widths as in get)
  assert.equal(formatTabbed('a\tb\tc\nx\n aaaa\tb\tc\n'), 'a  b  c\nx\n aaaa  b  c\n');
});

test('smart labels as kubectl builds them with fatih/camelcase', () => {
  assert.deepEqual(camelSplit('HTTPServer'), ['HTTP', 'Server']);
  assert.equal(smartLabel('creationTimestamp'), 'Creation Timestamp');
  assert.equal(smartLabel('apiVersion'), 'API Version');
  assert.equal(smartLabel('uid'), 'UID');
  assert.equal(smartLabel('leaseDurationSeconds'), 'Lease Duration Seconds');
  assert.equal(smartLabel('v1beta1'), 'v1beta1');
  assert.equal(smartLabel('x.y'), 'x.y');
  assert.equal(goValue(null), '<nil>');
  assert.equal(goValue(0.5), '0.5');
  assert.equal(goValue(true), 'true');
});

test('selectors: sorted requirements, FormatLabels', () => {
  assert.equal(
    selectorText({
      matchLabels: { b: '2', a: '1' },
      matchExpressions: [{ key: 'c', operator: 'In', values: ['y', 'x'] }],
    }),
    'a=1,b=2,c in (x,y)',
  );
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels({ z: '1', a: '2' }), 'a=2,z=1');
});

test('event ages: single, repeated, series', () => {
  const age = (t: unknown): string => (t ? `age(${String(t)})` : '<unknown>');
  assert.equal(eventInterval({ eventTime: 'E' }, age), 'age(E)');
  assert.equal(
    eventInterval({ firstTimestamp: 'F', lastTimestamp: 'L', count: 3 }, age),
    'age(L) (x3 over age(F))',
  );
  assert.equal(
    eventInterval({ eventTime: 'E', series: { count: 4, lastObservedTime: 'S' } }, age),
    'age(S) (x4 over age(E))',
  );
});

test('ConfigMap shows data, Secret hides values as byte counts', () => {
  const context = { related: {}, age: () => '1m', events: [] };
  const cm = describeConfigMap(
    { metadata: { name: 'c', namespace: 'n' }, data: { b: '2', a: '1' } },
    context,
  );
  assert.equal(
    cm,
    'Name:         c\nNamespace:    n\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\n1\n\nb:\n----\n2\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
  );
  const secret = describeSecret({
    metadata: { name: 's', namespace: 'n' },
    type: 'Opaque',
    data: { pw: Buffer.from('hunter2').toString('base64') },
  });
  assert.match(secret, /pw:\s+7 bytes\n$/);
  assert.doesNotMatch(secret, /hunter2/);
});

test('node roles, probes, endpoint lists', () => {
  assert.deepEqual(
    nodeRoles({
      'node-role.kubernetes.io/control-plane': '',
      'kubernetes.io/role': 'agent',
      x: 'y',
    }),
    ['agent', 'control-plane'],
  );
  assert.equal(
    describeProbe({
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    }),
    'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
  );
  const slice = {
    ports: [{ name: '', port: 80 }],
    endpoints: [1, 2, 3, 4, 5].map((i) => ({ addresses: [`10.0.0.${i}`] })),
  };
  assert.equal(
    formatEndpointSlices([slice], ''),
    '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...',
  );
  assert.equal(formatEndpointSlices([], ''), '<none>');
});

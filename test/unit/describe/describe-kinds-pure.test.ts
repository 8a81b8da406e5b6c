import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describerFor } from '../../../src/resources/describe/index.js';
import type { Obj } from '../../../src/resources/describe/fields.js';
import { capIndexes } from '../../../src/resources/describe/job.js';
import { accessModesText, podsUsingClaim } from '../../../src/resources/describe/pvc.js';
import { backendServiceNames } from '../../../src/resources/describe/ingress.js';
import { formatEndpointSlices } from '../../../src/resources/describe/service.js';
import { humanDuration } from '../../../src/printers/human-duration.js';

interface RecordedCase {
  describe: string;
  object: Obj;
  related: Record<string, Obj[]>;
  expected: string;
}

const GROUPS: Record<string, string> = {
  Job: 'batch',
  CronJob: 'batch',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  PersistentVolumeClaim: '',
  Ingress: 'networking.k8s.io',
};

// The recorded text has kubectl's times in UTC (the zone of the machine that recorded it).
process.env['TZ'] = 'UTC';

const recorded = JSON.parse(
  readFileSync(
    new URL('../../fixtures/recorded/describe-kinds/kinds.json', import.meta.url),
    'utf8',
  ),
) as RecordedCase[];

test('recorded objects describe as kubectl 1.34 printed them (--show-events=false)', () => {
  assert.ok(recorded.length >= 9);
  for (const c of recorded) {
    const kind = String(c.object['kind']);
    const describer = describerFor(GROUPS[kind] ?? '?', kind);
    const text = describer(c.object, {
      related: c.related,
      age: () => '0s',
      duration: humanDuration,
    });
    assert.equal(text, c.expected, c.describe);
  }
});

test('Completed Indexes are cut after the first comma past 50 characters', () => {
  assert.equal(capIndexes(''), '<none>');
  assert.equal(capIndexes('1-3,5'), '1-3,5');
  const long = Array.from({ length: 30 }, (_, i) => String(i * 2)).join(',');
  const cut = capIndexes(long);
  assert.ok(cut.endsWith(',...'));
  assert.ok(cut.length > 50 && cut.length < long.length);
});

test('PVC access modes and the pods that use a claim', () => {
  assert.equal(accessModesText(['ReadWriteOncePod', 'ReadWriteOnce', 'ReadWriteOnce']), 'RWO,RWOP');
  const claim = { metadata: { name: 'c', ownerReferences: [{ kind: 'Pod', uid: 'u2' }] } };
  const mounting = {
    metadata: { name: 'a', uid: 'u1' },
    spec: { volumes: [{ persistentVolumeClaim: { claimName: 'c' } }] },
  };
  const owner = { metadata: { name: 'b', uid: 'u2' }, spec: {} };
  const other = { metadata: { name: 'z', uid: 'u3' }, spec: { volumes: [{ emptyDir: {} }] } };
  assert.deepEqual(podsUsingClaim(claim, [other, owner, mounting]), [mounting, owner]);
});

test('Ingress backends: service names once each; endpoints that are not ready are skipped', () => {
  const ingress = {
    spec: {
      defaultBackend: { service: { name: 'web' } },
      rules: [
        { http: { paths: [{ backend: { service: { name: 'api' } } }] } },
        { http: { paths: [{ backend: { service: { name: 'web' } } }] } },
        { host: 'no-http' },
      ],
    },
  };
  assert.deepEqual(backendServiceNames(ingress), ['web', 'api']);
  const endpoint = (ip: string, ready?: boolean): Obj => ({
    addresses: [ip],
    ...(ready === undefined ? {} : { conditions: { ready } }),
  });
  const slice = {
    ports: [{ name: 'p', port: 80 }],
    endpoints: [endpoint('1.1.1.1', false), endpoint('1.1.1.2'), endpoint('1.1.1.3', true)],
  };
  assert.equal(formatEndpointSlices([slice], 'p'), '1.1.1.2:80,1.1.1.3:80');
  assert.equal(formatEndpointSlices([slice], 'q'), '');
});

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ktl, testNamespace } from '../helpers/cluster.js';
import { atExit, kc, same } from './verbs-helpers.js';

const LEASE = (ns: string): string => `apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  name: holder
  namespace: ${ns}
  labels: {team: a}
spec:
  holderIdentity: me
  leaseDurationSeconds: 40
`;

describe('ktl describe matches kubectl byte for byte on kwok objects', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(atExit, 'verbs-desc');
    await kc(ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80');
    await kc(ns, 'expose', 'deployment', 'web', '--port=80', '--target-port=8080');
    await kc(
      ns,
      'create',
      'configmap',
      'settings',
      '--from-literal=a=1',
      '--from-literal=multi=x\ny',
    );
    await kc(
      ns,
      'create',
      'secret',
      'generic',
      'creds',
      '--from-literal=user=admin',
      '--from-literal=password=s3cr3t!',
    );
    await kc(
      ns,
      'run',
      'solo',
      '--image=busybox',
      '--labels=app=solo,tier=x',
      '--env=A=1',
      '--',
      'sleep',
      '3600',
    );
    await kc(ns, 'annotate', 'pod', 'solo', 'note=hello');
    await kc(ns, 'rollout', 'status', 'deployment/web', '--timeout=60s');
    await kc(ns, 'wait', '--for=condition=Ready', 'pod/solo', '--timeout=60s');
  });

  test('Pod, Deployment, ReplicaSet, Service, ConfigMap, Secret', async () => {
    for (const args of [
      ['pod', 'solo'],
      ['deployment', 'web'],
      ['replicasets'],
      ['service', 'web'],
      ['configmap', 'settings'],
      ['secret', 'creds'],
    ]) {
      const out = await same(['describe', '-n', ns, ...args]);
      assert.ok(out.stdout.startsWith('Name:'), `describe ${args.join(' ')} printed a description`);
    }
  });

  test('Secret values are hidden', async () => {
    const out = await ktl(['describe', '-n', ns, 'secret', 'creds']);
    assert.match(out.stdout, /password:\s+7 bytes/);
    assert.doesNotMatch(out.stdout, /s3cr3t/);
  });

  test('Namespace and Node', async () => {
    await same(['describe', 'namespace', ns]);
    await same(['describe', 'node', 'kwok-node-1']);
  });

  test("a re-created object's events are its own, not its predecessor's", async () => {
    // ktl asks for the events by kind, name and namespace alongside the object, then keeps
    // those of its uid: kubectl asks by uid once it has the object.
    for (const round of [1, 2]) {
      if (round === 2) await kc(ns, 'delete', 'pod', 'again', '--wait=true');
      await kc(ns, 'run', 'again', '--image=busybox', '--', 'sleep', '3600');
      await kc(ns, 'wait', '--for=condition=Ready', 'pod/again', '--timeout=60s');
    }
    const events = JSON.parse(
      await kc(ns, 'get', 'events', '--field-selector=involvedObject.name=again', '-o', 'json'),
    ) as { items: Array<{ reason?: string; involvedObject?: { uid?: string } }> };
    const scheduledUids = new Set(
      events.items.filter((e) => e.reason === 'Scheduled').map((e) => e.involvedObject?.uid),
    );
    assert.equal(scheduledUids.size, 2, 'both pods named again were scheduled');
    const out = await same(['describe', '-n', ns, 'pod', 'again']);
    assert.equal(out.stdout.match(/Successfully assigned/g)?.length, 1);
    await same(['describe', '-n', ns, 'pod', 'again', 'solo']);
  });

  test('generic describer for a kind without a typed one (Lease)', async () => {
    const { kubectlOk } = await import('../helpers/cluster.js');
    await kubectlOk(['apply', '-f', '-'], { input: LEASE(ns) });
    const out = await same(['describe', '-n', ns, 'lease', 'holder']);
    assert.match(out.stdout, /Holder Identity:\s+me/);
  });

  test('prefix matching, whole types, -l, several objects, and errors', async () => {
    await same(['describe', '-n', ns, 'pods', 'web']);
    await same(['describe', '-n', ns, 'pods', 'so']);
    await same(['describe', '-n', ns, 'pods', '-l', 'app=web']);
    await same(['describe', '-n', ns, 'deploy/web', 'svc/web']);
    await same(['describe', '-n', ns, 'pods', 'nothing-like-this']);
    await same(['describe', '-n', ns, 'pods', '-l', 'app=none']);
    await same(['describe', '-n', ns, 'nosuchtype']);
    await same(['describe', '-n', ns, 'pod', 'solo', '--show-events=false']);
  });
});

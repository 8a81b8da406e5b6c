import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

/** ktl and kubectl give the same stdout, stderr and exit code. */
async function same(args: string[]): Promise<string> {
  const options = { timeoutMs: 30_000 };
  const [mine, theirs] = await Promise.all([ktl(args, options), kubectl(args, options)]);
  const label = args.join(' ');
  assert.equal(mine.stderr, theirs.stderr.replaceAll('kubectl', 'ktl'), `stderr of ${label}`);
  assert.equal(mine.stdout, theirs.stdout, `stdout of ${label}`);
  assert.equal(mine.code, theirs.code, `exit code of ${label}`);
  return mine.stdout + mine.stderr;
}

const CRD_NAME = `vmwidgets.v${process.pid}.ktl-test.example.com`;
const CRD_GROUP = CRD_NAME.slice('vmwidgets.'.length);

const OBJECTS = (ns: string): string => `
apiVersion: v1
kind: ReplicationController
metadata: {name: rc1, namespace: ${ns}}
spec:
  replicas: 1
  selector: {app: rc1}
  template:
    metadata: {labels: {app: rc1}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts1, namespace: ${ns}}
spec:
  replicas: 1
  serviceName: sts1
  selector: {matchLabels: {app: sts1}}
  template:
    metadata: {labels: {app: sts1}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs1, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchExpressions: [{key: app, operator: In, values: [rs1]}]}
  template:
    metadata: {labels: {app: rs1}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Service
metadata: {name: headless, namespace: ${ns}}
spec: {ports: [{port: 80}]}
---
apiVersion: ${CRD_GROUP}/v1
kind: VmWidget
metadata: {name: w1, namespace: ${ns}}
`;

const CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${CRD_NAME}}
spec:
  group: ${CRD_GROUP}
  names: {kind: VmWidget, plural: vmwidgets, singular: vmwidget, shortNames: [vmw${process.pid}]}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`;

describe('logs, exec, attach and port-forward resolve TYPE/NAME through discovery', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'verbs-mapper',
    );
    await kubectlOk(['apply', '-f', '-'], { input: CRD });
    await kubectlOk(['wait', '--for=condition=Established', `crd/${CRD_NAME}`, '--timeout=30s']);
    await kubectlOk(['apply', '-f', '-'], { input: OBJECTS(ns) });
    await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', ns]);
    await kubectlOk(['expose', 'deployment', 'web', '--port=80', '-n', ns]);
    await kubectlOk(['create', 'job', 'jb', '--image=busybox', '-n', ns]);
    await kubectlOk(['create', 'configmap', 'cfg', '-n', ns]);
    await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
    await kubectlOk(['rollout', 'status', 'statefulset/sts1', '-n', ns, '--timeout=60s']);
    await kubectlOk(['wait', '--for=condition=Ready', 'pod', '-l', 'app', '-n', ns]);
  });
  after(() => kubectl(['delete', 'crd', CRD_NAME, '--wait=false']));

  const workloads = [
    'deployments.apps/web',
    'deploy/web',
    'deployment.v1.apps/web',
    'Deployment/web',
    'rs/rs1',
    'replicasets.apps/rs1',
    'sts/sts1',
    'statefulset/sts1',
    'svc/web',
    'services/web',
    'replicationcontroller/rc1',
    'rc/rc1',
  ];

  test('every spelling kubectl accepts reaches a pod for logs and exec', async () => {
    for (const ref of workloads) {
      assert.match(await same(['logs', ref, '-n', ns]), /fake log line 1 from kwok/, ref);
      assert.equal(await same(['exec', ref, '-n', ns, '--', 'echo', 'hi']), 'hi\n', ref);
    }
    await same(['logs', 'job/jb', '-n', ns]);
    await same(['exec', 'jobs.batch/jb', '-n', ns, '--', 'echo', 'hi']);
    const pod = (await kubectlOk(['get', 'pod', '-l', 'app=rc1', '-n', ns, '-o', 'name'])).trim();
    await same(['logs', pod.replace('pod/', 'po/'), '-n', ns]);
    await same(['exec', pod, '-n', ns, '--', 'echo', 'hi']);
  });

  test("types without a pod selector fail with kubectl's errors", async () => {
    const cases: Array<[string, RegExp]> = [
      ['cm/cfg', /selector for \*v1\.ConfigMap not implemented/],
      ['ns/default', /selector for \*v1\.Namespace not implemented/],
      ['svc/headless', /Service is defined without a selector/],
      [`vmw${process.pid}/w1`, /no kind "VmWidget" is registered/],
      ['deploy/nope', /"nope" not found/],
      ['nosuchtype/x', /doesn't have a resource type "nosuchtype"/],
    ];
    for (const [ref, expected] of cases) {
      assert.match(await same(['logs', ref, '-n', ns]), expected, `logs ${ref}`);
      assert.match(await same(['exec', ref, '-n', ns, '--', 'true']), expected, `exec ${ref}`);
      assert.match(await same(['attach', ref, '-n', ns]), expected, `attach ${ref}`);
      assert.match(await same(['port-forward', ref, '-n', ns, '8080:80']), expected, ref);
    }
  });
});

/**
 * Real creates on the cluster: each generator's object is created by ktl in a test namespace,
 * read back with kubectl, and its output line and server-side behaviour (fieldManager,
 * server dry-run, AlreadyExists wording) compared with kubectl's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ktl, kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';

type Json = { [key: string]: Json } & Json[] & string & number;

async function readBack(namespace: string, ...what: string[]): Promise<Json> {
  return JSON.parse(
    await kubectlOk(['-n', namespace, 'get', ...what, '-o', 'json', '--show-managed-fields']),
  ) as Json;
}

async function ktlOk(args: string[]): Promise<string> {
  const result = await ktl(args);
  assert.equal(result.code, 0, `ktl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function managers(object: Json): string[] {
  return ((object['metadata']['managedFields'] as unknown as Json[]) ?? []).map(
    (f) => f['manager'],
  );
}

test('create <kind> really creates, prints kubectl’s line and records the field manager', async (t) => {
  const ns = await testNamespace(t, 'ktl-gen');
  const n = ['-n', ns];
  const lines = [
    await ktlOk([...n, 'create', 'configmap', 'cm1', '--from-literal=a=1', '--from-literal=b=two']),
    await ktlOk([...n, 'create', 'secret', 'generic', 'sec1', '--from-literal=k=v']),
    await ktlOk([...n, 'create', 'deployment', 'web', '--image=nginx', '--port=80', '-r', '2']),
    await ktlOk([...n, 'create', 'service', 'clusterip', 'svc1', '--tcp=80:8080']),
    await ktlOk([...n, 'create', 'job', 'job1', '--image=busybox', '--', 'echo', 'hi']),
    await ktlOk([...n, 'create', 'cronjob', 'cj1', '--image=busybox', '--schedule=*/5 * * * *']),
    await ktlOk([...n, 'create', 'serviceaccount', 'sa1']),
    await ktlOk([
      ...n,
      'create',
      'role',
      'reader',
      '--verb=get,list',
      '--resource=pods,deployments',
    ]),
    await ktlOk([
      ...n,
      'create',
      'rolebinding',
      'rb1',
      '--role=reader',
      '--user=alice',
      `--serviceaccount=${ns}:sa1`,
    ]),
    await ktlOk([...n, 'create', 'quota', 'q1', '--hard=pods=10,cpu=1000m']),
    await ktlOk([...n, 'create', 'pdb', 'pdb1', '--selector=app=web', '--min-available=1']),
    await ktlOk([...n, 'create', 'ingress', 'ing1', '--rule=foo.com/bar*=svc1:80']),
  ];
  assert.deepEqual(lines, [
    'configmap/cm1 created\n',
    'secret/sec1 created\n',
    'deployment.apps/web created\n',
    'service/svc1 created\n',
    'job.batch/job1 created\n',
    'cronjob.batch/cj1 created\n',
    'serviceaccount/sa1 created\n',
    'role.rbac.authorization.k8s.io/reader created\n',
    'rolebinding.rbac.authorization.k8s.io/rb1 created\n',
    'resourcequota/q1 created\n',
    'poddisruptionbudget.policy/pdb1 created\n',
    'ingress.networking.k8s.io/ing1 created\n',
  ]);
  const cm = await readBack(ns, 'configmap', 'cm1');
  assert.deepEqual(cm['data'], { a: '1', b: 'two' });
  assert.deepEqual(managers(cm), ['kubectl-create']);
  const secret = await readBack(ns, 'secret', 'sec1');
  assert.equal(Buffer.from(secret['data']['k'], 'base64').toString(), 'v');
  assert.equal(secret['type'], 'Opaque');
  const deploy = await readBack(ns, 'deployment', 'web');
  assert.equal(deploy['spec']['replicas'], 2);
  assert.equal(
    deploy['spec']['template']['spec']['containers'][0]['ports'][0]['containerPort'],
    80,
  );
  const svc = await readBack(ns, 'service', 'svc1');
  assert.equal(svc['spec']['ports'][0]['targetPort'], 8080);
  const rb = await readBack(ns, 'rolebinding', 'rb1');
  assert.deepEqual(
    (rb['subjects'] as unknown as Json[]).map((s) => `${s['kind']}:${s['name']}`),
    ['User:alice', 'ServiceAccount:sa1'],
  );
  const role = await readBack(ns, 'role', 'reader');
  assert.deepEqual(role['rules'], [
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
    { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
  ]);
  const ing = await readBack(ns, 'ingress', 'ing1');
  assert.deepEqual(ing['spec']['rules'][0]['http']['paths'][0], {
    path: '/bar',
    pathType: 'Prefix',
    backend: { service: { name: 'svc1', port: { number: 80 } } },
  });
});

test('run creates the Pod and its Service; a second create fails as kubectl’s does', async (t) => {
  const ns = await testNamespace(t, 'ktl-gen');
  const out = await ktlOk([
    '-n',
    ns,
    'run',
    'nginx',
    '--image=nginx',
    '--port=80',
    '--expose',
    '--env=A=1',
  ]);
  assert.equal(out, 'service/nginx created\npod/nginx created\n');
  const pod = await readBack(ns, 'pod', 'nginx');
  assert.deepEqual(pod['metadata']['labels'], { run: 'nginx' });
  assert.deepEqual(pod['spec']['containers'][0]['env'], [{ name: 'A', value: '1' }]);
  // kwok, standing in for the kubelet, also writes the pod's status.
  assert.deepEqual(
    managers(pod).filter((m) => m.startsWith('kubectl')),
    ['kubectl-run'],
  );
  const svc = await readBack(ns, 'service', 'nginx');
  assert.deepEqual(svc['spec']['selector'], { run: 'nginx' });
  const [mine, theirs] = await Promise.all([
    ktl(['-n', ns, 'run', 'nginx', '--image=nginx']),
    kubectl(['-n', ns, 'run', 'nginx', '--image=nginx']),
  ]);
  assert.equal(mine.stderr, theirs.stderr);
  assert.equal(mine.code, theirs.code);
  const again = await Promise.all([
    ktl(['-n', ns, 'create', 'configmap', 'dup']),
    kubectl(['-n', ns, 'create', 'configmap', 'dup']),
  ]);
  const [first, second] = again[0].code === 0 ? again : [again[1], again[0]];
  assert.equal(first.code, 0);
  assert.equal(second.code, 1);
  const retry = await Promise.all([
    ktl(['-n', ns, 'create', 'configmap', 'dup']),
    kubectl(['-n', ns, 'create', 'configmap', 'dup']),
  ]);
  assert.equal(retry[0].stderr, retry[1].stderr);
  assert.match(
    retry[0].stderr,
    /^error: failed to create configmap: configmaps "dup" already exists\n$/,
  );
});

test('ktl run --kind builds the workload kinds kubectl dropped', async (t) => {
  const ns = await testNamespace(t, 'ktl-gen');
  assert.equal(
    await ktlOk(['-n', ns, 'run', 'web', '--image=nginx', '--kind=deployment', '--replicas=3']),
    'deployment.apps/web created\n',
  );
  assert.equal(
    await ktlOk([
      '-n',
      ns,
      'run',
      'once',
      '--image=busybox',
      '--kind=job',
      '--restart=Never',
      '--',
      'true',
    ]),
    'job.batch/once created\n',
  );
  assert.equal(
    await ktlOk([
      '-n',
      ns,
      'run',
      'tick',
      '--image=busybox',
      '--kind=cronjob',
      '--schedule=*/10 * * * *',
    ]),
    'cronjob.batch/tick created\n',
  );
  const deploy = await readBack(ns, 'deployment', 'web');
  assert.equal(deploy['spec']['replicas'], 3);
  assert.deepEqual(deploy['spec']['selector']['matchLabels'], { run: 'web' });
  const job = await readBack(ns, 'job', 'once');
  assert.equal(job['spec']['template']['spec']['restartPolicy'], 'Never');
  assert.deepEqual(job['spec']['template']['spec']['containers'][0]['args'], ['true']);
  const cj = await readBack(ns, 'cronjob', 'tick');
  assert.equal(cj['spec']['schedule'], '*/10 * * * *');
});

test('server dry-run, expose, autoscale, job --from and token against the cluster', async (t) => {
  const ns = await testNamespace(t, 'ktl-gen');
  const n = ['-n', ns];
  assert.equal(
    await ktlOk([...n, 'create', 'configmap', 'ghost', '--dry-run=server']),
    'configmap/ghost created (server dry run)\n',
  );
  assert.equal((await kubectl([...n, 'get', 'configmap', 'ghost'])).code, 1);
  await kubectlOk([...n, 'create', 'deployment', 'web', '--image=nginx', '--port=8080']);
  await kubectlOk([...n, 'create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *']);
  await kubectlOk([...n, 'create', 'serviceaccount', 'bot']);
  for (const args of [
    [
      'expose',
      'deployment',
      'web',
      '--port=80',
      '--target-port=8080',
      '--dry-run=client',
      '-o',
      'yaml',
    ],
    ['autoscale', 'deployment', 'web', '--max=5', '--cpu=70%', '--dry-run=client', '-o', 'yaml'],
    ['create', 'job', 'manual', '--from=cronjob/cj', '--dry-run=client', '-o', 'yaml'],
  ]) {
    const [mine, theirs] = await Promise.all([ktl([...n, ...args]), kubectl([...n, ...args])]);
    assert.equal(mine.stdout, theirs.stdout, args.join(' '));
  }
  assert.equal(
    await ktlOk([...n, 'expose', 'deployment', 'web', '--port=80', '--target-port=8080']),
    'service/web exposed\n',
  );
  const svc = await readBack(ns, 'service', 'web');
  assert.deepEqual(svc['spec']['selector'], { app: 'web' });
  assert.deepEqual(managers(svc), ['kubectl-expose']);
  assert.equal(
    await ktlOk([...n, 'autoscale', 'deployment', 'web', '--max=5', '--min=2', '--cpu=70%']),
    'horizontalpodautoscaler.autoscaling/web autoscaled\n',
  );
  const hpa = await readBack(ns, 'hpa', 'web');
  assert.equal(hpa['spec']['maxReplicas'], 5);
  assert.deepEqual(managers(hpa), ['kubectl-autoscale']);
  assert.equal(
    await ktlOk([...n, 'create', 'job', 'manual', '--from=cronjob/cj']),
    'job.batch/manual created\n',
  );
  const job = await readBack(ns, 'job', 'manual');
  assert.equal(job['metadata']['annotations']['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.equal(job['metadata']['ownerReferences'][0]['kind'], 'CronJob');
  const token = await ktlOk([
    ...n,
    'create',
    'token',
    'bot',
    '--duration=10m',
    '--audience=https://example.com',
  ]);
  const payload = JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
  ) as Json;
  assert.equal(payload['sub'], `system:serviceaccount:${ns}:bot`);
  assert.deepEqual(payload['aud'], ['https://example.com']);
  assert.equal(Number(payload['exp']) - Number(payload['iat']), 600);
});

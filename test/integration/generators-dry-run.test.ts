/**
 * `--dry-run=client -o yaml|json|name` and bad-flag errors of ktl's generators compared with
 * the same-version kubectl, on the same flags, byte for byte (only 'kubectl' in "See 'kubectl
 * ... -h'" hints is renamed). kubectl needs the cluster for its REST mapping; ktl does not.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ktl, kubectl } from '../helpers/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-gen-'));
writeFileSync(join(dir, 'text'), 'hello\nworld\n');
writeFileSync(join(dir, 'binary'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
mkdirSync(join(dir, 'tree'));
writeFileSync(join(dir, 'tree', 'k1'), 'one');
writeFileSync(join(dir, 'tree', 'k2'), 'two');
writeFileSync(join(dir, 'env'), '\ufeffA=1\n# comment\n  B=two words\nHOME\n');

const D = ['--dry-run=client', '-o', 'yaml'];

/** Same flags for both tools; each entry is one command line. */
const cases: string[][] = [
  ['run', 'nginx', '--image=nginx', ...D],
  [
    'run',
    'nginx',
    '--image=nginx',
    '--port=80',
    '--env=A=1',
    '--env=B=',
    '-l',
    'a=b,c=d',
    '--annotations=x=y',
    '--restart=Never',
    '--image-pull-policy=Always',
    '--privileged',
    ...D,
    '--',
    'sleep',
    '10',
  ],
  ['run', 'nginx', '--image=nginx', '--command', ...D, '--', 'sh', '-c', 'echo hi'],
  ['run', 'nginx', '--image=nginx', '--port=80', '--expose', ...D],
  ['run', 'nginx', '--image=nginx', '--port=80', '--expose', '--dry-run=client'],
  ['run', 'nginx', '--image=nginx', '--overrides={"spec":{"nodeName":"n1"}}', ...D],
  ['run', 'nginx', '--image=nginx', '-n', 'other', '--dry-run=client', '-o', 'json'],
  ['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'name'],
  [
    'create',
    'configmap',
    'cm',
    '--from-literal=a=1',
    `--from-file=${dir}/text`,
    `--from-file=bin=${dir}/binary`,
    `--from-file=${dir}/tree`,
    ...D,
  ],
  ['create', 'configmap', 'cm', `--from-env-file=${dir}/env`, ...D],
  ['create', 'configmap', 'cm', '--from-literal=a=1', '--append-hash', ...D],
  [
    'create',
    'configmap',
    'cm',
    '--from-literal=a=<&>',
    '--save-config',
    '--dry-run=client',
    '-o',
    'json',
  ],
  ['create', 'configmap', 'cm', '--dry-run=client'],
  [
    'create',
    'secret',
    'generic',
    's',
    '--from-literal=a=1',
    `--from-file=${dir}/binary`,
    '--type=foo',
    ...D,
  ],
  ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--append-hash', ...D],
  [
    'create',
    'secret',
    'docker-registry',
    'd',
    '--docker-username=u',
    '--docker-password=p',
    '--docker-email=e@x',
    ...D,
  ],
  ['create', 'deployment', 'd', '--image=nginx', '-r', '3', '--port=80', ...D, '--', 'sleep', '1'],
  [
    'create',
    'deployment',
    'd',
    '--image=nginx',
    '--image=redis',
    '-n',
    'other',
    '--dry-run=client',
    '-o',
    'json',
  ],
  ['create', 'service', 'clusterip', 's', '--tcp=80:8080,443:https', ...D],
  ['create', 'service', 'clusterip', 's', '--clusterip=None', ...D],
  ['create', 'service', 'nodeport', 's', '--tcp=80', '--node-port=30001', ...D],
  ['create', 'service', 'loadbalancer', 's', '--tcp=80', ...D],
  ['create', 'service', 'externalname', 's', '--external-name=foo.com', ...D],
  ['create', 'job', 'j', '--image=busybox', ...D, '--', 'echo', 'hi'],
  [
    'create',
    'cronjob',
    'c',
    '--image=busybox',
    '--schedule=*/1 * * * *',
    '--restart=Never',
    ...D,
    '--',
    'date',
  ],
  ['create', 'namespace', 'n1', ...D],
  ['create', 'serviceaccount', 's1', '-n', 'other', ...D],
  [
    'create',
    'quota',
    'q',
    '--hard=cpu=1000m,memory=1024Mi,pods=10,requests.storage=1.5Gi',
    '--scopes=BestEffort',
    ...D,
  ],
  ['create', 'priorityclass', 'p', '--value=100', '--global-default', '--description=hi', ...D],
  [
    'create',
    'priorityclass',
    'p',
    '--value=100',
    '--preemption-policy=Never',
    '--dry-run=client',
    '-o',
    'json',
  ],
  [
    'create',
    'poddisruptionbudget',
    'p',
    '--selector=app=x,tier in (b,a),!old',
    '--max-unavailable=1',
    ...D,
  ],
  ['create', 'pdb', 'p', '--selector=app=x', '--min-available=50%', ...D],
  [
    'create',
    'ingress',
    'i',
    '--rule=foo.com/bar=svc1:8080,tls=my-cert',
    '--rule=foo.com/baz*=svc2:http',
    '--rule=/x=s:80,tls',
    '--class=nginx',
    '--annotation=a=b',
    '--default-backend=def:80',
    ...D,
  ],
  [
    'create',
    'role',
    'r',
    '--verb=get,list',
    '--verb=watch',
    '--resource=pods,deploy,rs.apps,pods/status',
    '--resource-name=a',
    ...D,
  ],
  ['create', 'role', 'r', '--verb=*', '--verb=get', '--resource=*', ...D],
  [
    'create',
    'clusterrole',
    'c',
    '--verb=get',
    '--non-resource-url=/logs/*',
    '--resource=nodes',
    ...D,
  ],
  ['create', 'clusterrole', 'c', '--aggregation-rule=a=b,c=d', ...D],
  [
    'create',
    'rolebinding',
    'rb',
    '--role=r',
    '--user=u1',
    '--user',
    'u2',
    '--group=g1',
    '--serviceaccount=ns:sa',
    ...D,
  ],
  [
    'create',
    'clusterrolebinding',
    'crb',
    '--clusterrole=c',
    '--user=u',
    '--dry-run=client',
    '-o',
    'json',
  ],
];

/** Bad flags: message and exit code must match. */
const badFlags: string[][] = [
  ['run', 'nginx', ...D],
  ['run', '--image=nginx', ...D],
  ['run', 'nginx', '--image=nginx', '--restart=Bad', ...D],
  ['run', 'nginx', '--image=nginx', '--env=1A=b', ...D],
  ['run', 'nginx', '--image=Nginx::', ...D],
  ['run', 'nginx', '--image=nginx', '--port=abc', ...D],
  ['run', 'nginx', '--image=nginx', '--expose', ...D],
  ['run', 'nginx', '--image=nginx', '-t', ...D],
  ['run', 'nginx', '--image=nginx', '--rm', ...D],
  ['run', 'nginx', '--image=nginx', '--image-pull-policy=x', ...D],
  ['run', 'nginx', '--image=nginx', '--annotations=x', ...D],
  ['run', 'nginx', '--image=nginx', '-l', 'a', ...D],
  ['create', 'configmap', 'a', 'b', ...D],
  ['create', 'configmap', ...D],
  ['create', 'configmap', 'x', '--from-literal=a b=c', ...D],
  ['create', 'configmap', 'x', '--from-literal=a', ...D],
  ['create', 'configmap', 'x', '--from-literal=a=1', '--from-literal=a=2', ...D],
  ['create', 'configmap', 'x', `--from-env-file=${dir}/env`, '--from-literal=a=b', ...D],
  ['create', 'configmap', 'x', `--from-file=${dir}/missing`, ...D],
  ['create', 'configmap', 'x', `--from-file=k=${dir}/tree`, ...D],
  ['create', 'configmap', 'x', '-o', 'wide', '--dry-run=client'],
  ['create', 'configmap', 'x', '--dry-run=bad'],
  ['create', 'secret', 'docker-registry', 'd', '--docker-username=u', ...D],
  ['create', 'deployment', 'd', ...D],
  ['create', 'deployment', 'd', '--image=nginx', '-r', 'x', ...D],
  ['create', 'deployment', 'd', '--image=nginx', '--image=redis', ...D, '--', 'sleep', '1'],
  ['create', 'service', 'clusterip', 's', ...D],
  ['create', 'service', 'clusterip', 's', '--tcp=80:bad_name', ...D],
  ['create', 'service', 'externalname', 's', '--external-name=Foo_', ...D],
  ['create', 'job', 'j', ...D],
  ['create', 'cronjob', 'c', ...D],
  ['create', 'quota', 'q', '--hard=cpu', ...D],
  ['create', 'pdb', 'p', '--selector=app=x', ...D],
  ['create', 'pdb', 'p', '--selector=app=x', '--min-available=x', ...D],
  ['create', 'pdb', 'p', '--selector=a b', '--min-available=1', ...D],
  ['create', 'pdb', 'p', '--selector=a in (x', '--min-available=1', ...D],
  ['create', 'pdb', 'p', '--selector=a!=b', '--min-available=1', ...D],
  ['create', 'pdb', 'p', '--selector=x,', '--min-available=1', ...D],
  ['create', 'ingress', 'i', ...D],
  ['create', 'ingress', 'i', '--rule=bad', ...D],
  ['create', 'role', 'r', '--verb=bind', '--resource=pods', ...D],
  ['create', 'role', 'r', '--verb=frob', '--resource=pods', ...D],
  ['create', 'role', 'r', '--resource=pods', ...D],
  ['create', 'clusterrole', 'c', '--verb=post', '--resource=pods', ...D],
  ['create', 'rolebinding', 'rb', ...D],
  ['create', 'rolebinding', 'rb', '--clusterrole=c', '--serviceaccount=bad', ...D],
  ['create', 'clusterrolebinding', 'crb', ...D],
  ['autoscale', 'deployment', 'web', ...D],
  ['autoscale', 'deployment', 'web', '--min=3', '--max=2', ...D],
];

function normalize(text: string): string {
  return text.replace(/'kubectl /g, "'ktl ");
}

async function compare(args: string[]): Promise<void> {
  const [mine, theirs] = await Promise.all([ktl(args), kubectl(args)]);
  assert.equal(mine.stdout, theirs.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(normalize(mine.stderr), normalize(theirs.stderr), `stderr of ${args.join(' ')}`);
  assert.equal(mine.code, theirs.code, `exit code of ${args.join(' ')}`);
}

test('client dry-run objects match kubectl', async (t) => {
  for (const args of cases) await t.test(args.slice(0, 3).join(' '), () => compare(args));
});

test('bad flags fail with kubectl’s message and exit code', async (t) => {
  for (const args of badFlags) await t.test(args.join(' '), () => compare(args));
});

test('client dry-run needs no server', async () => {
  const env = { KUBECONFIG: join(dir, 'no-such-kubeconfig') };
  const result = await ktl(['create', 'deployment', 'web', '--image=nginx', ...D], { env });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^apiVersion: apps\/v1\nkind: Deployment\n/);
  const pod = await ktl(['run', 'nginx', '--image=nginx', '--dry-run=client'], { env });
  assert.equal(pod.stdout, 'pod/nginx created (dry run)\n');
});

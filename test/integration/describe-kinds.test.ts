/**
 * `ktl describe` of Job, CronJob, StatefulSet, DaemonSet, PersistentVolumeClaim and Ingress
 * matches kubectl's byte for byte (ages aside), with the controllers' real status, the pods
 * found by selector, and the events.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, kubectlOk, testNamespace } from '../helpers/cluster.js';
import { atExit, kc, same } from './verbs-helpers.js';
import {
  batchObjects,
  claimObjects,
  daemonObjects,
  ingressObjects,
  statefulObjects,
  volumes,
} from './describe-kinds-manifests.js';

async function apply(manifest: string): Promise<void> {
  await kubectlOk(['apply', '-f', '-'], { input: manifest });
}

/** Polls a jsonpath of an object until `done` holds (or the time is up). */
async function until(
  ns: string,
  object: string | string[],
  jsonpath: string,
  done: (value: string) => boolean,
  seconds = 120,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await kc(ns, 'get', ...[object].flat(), '-o', `jsonpath=${jsonpath}`);
    if (done(value)) return;
    if (Date.now() > deadline) throw new Error(`${object} ${jsonpath} is still "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Lets the CronJob run once, then suspends it with that job in its history. */
async function cronJobWithHistory(ns: string): Promise<void> {
  await until(ns, 'cronjob/often', '{.status.lastSuccessfulTime}', (v) => v !== '', 150);
  await kc(ns, 'patch', 'cronjob/often', '-p', '{"spec":{"suspend":true}}');
  await until(ns, 'cronjob/often', '{.status.active}', (v) => v === '' || v === '[]');
}

async function workloadsReady(ns: string): Promise<void> {
  await kc(ns, 'rollout', 'status', 'statefulset/db', '--timeout=90s');
  await kc(ns, 'rollout', 'status', 'daemonset/agent', '--timeout=90s');
  await until(ns, 'statefulset/cache', '{.status.readyReplicas}', (v) => v === '1');
  await until(ns, 'pvc/bound', '{.status.phase}', (v) => v === 'Bound');
  await kc(ns, 'wait', '--for=condition=Ready', 'pod/user', '--timeout=90s');
  await until(
    ns,
    ['endpointslices', '-l', 'kubernetes.io/service-name=web'],
    '{.items[*].endpoints[*].addresses[0]}',
    (v) => v.split(' ').filter(Boolean).length === 2,
  );
}

/** Status no controller sets here: an Ingress's load-balancer addresses, a PVC condition. */
async function statusPatches(ns: string): Promise<void> {
  const addresses = [{ ip: '10.0.0.9' }, { hostname: 'lb.example.com' }, { ip: '10.0.0.1' }];
  await kc(
    ns,
    'patch',
    'ingress/front',
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { loadBalancer: { ingress: [...addresses, { ip: '10.0.0.9' }] } } }),
  );
  const condition = {
    type: 'Resizing',
    status: 'True',
    reason: 'R',
    message: 'resizing now',
    lastTransitionTime: '2026-01-02T03:04:05Z',
  };
  await kc(
    ns,
    'patch',
    'pvc/bound',
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status: { conditions: [condition] } }),
  );
}

describe('ktl describe of Jobs, CronJobs, StatefulSets, DaemonSets, PVCs and Ingresses', () => {
  let ns = '';
  before(async () => {
    ns = await testNamespace(atExit, 'desc-kinds');
    await apply(volumes(ns));
    for (const manifest of [batchObjects, statefulObjects, daemonObjects, claimObjects])
      await apply(manifest(ns));
    await apply(ingressObjects(ns));
    await statusPatches(ns);
    await Promise.all([
      kc(ns, 'wait', '--for=condition=Complete', 'job/batch-done', '--timeout=90s'),
      kc(ns, 'wait', '--for=condition=Suspended', 'job/batch-paused', '--timeout=90s'),
      cronJobWithHistory(ns),
      workloadsReady(ns),
    ]);
  });

  after(async () => {
    const names = ['sts-0', 'sts-1', 'one'].map((suffix) => `${ns}-${suffix}`);
    await kubectl(['delete', 'pv', ...names, '--wait=false', '--ignore-not-found']);
  });

  test('Job: completed with parallelism, suspended and indexed, created by a CronJob', async () => {
    const done = await same(['describe', '-n', ns, 'job', 'batch-done']);
    assert.match(done.stdout, /Pods Statuses:\s+0 Active \(0 Ready\) \/ 3 Succeeded \/ 0 Failed/);
    assert.match(done.stdout, /Duration:/);
    assert.match(done.stdout, /job-controller\s+Job completed/);
    const paused = await same(['describe', '-n', ns, 'job', 'batch-paused']);
    assert.match(paused.stdout, /Completed Indexes:\s+<none>/);
    assert.match(paused.stdout, /Suspend:\s+true/);
    assert.match(
      paused.stdout,
      /zone:DoNotSchedule when max skew 1 is exceeded for selector app=p,tier notin \(a,b\)/,
    );
    const all = await same(['describe', '-n', ns, 'jobs']);
    assert.match(all.stdout, /Controlled By:\s+CronJob\/often/);
  });

  test('CronJob: suspended before any run, and suspended with a job history', async () => {
    const tick = await same(['describe', '-n', ns, 'cronjob', 'tick']);
    assert.match(tick.stdout, /Last Schedule Time:\s+<unset>/);
    const often = await same(['describe', '-n', ns, 'cronjob', 'often']);
    assert.match(often.stdout, /Suspend:\s+True/);
    assert.match(often.stdout, /SawCompletedJob/);
  });

  test('StatefulSet: claim templates under a headless service; partitioned', async () => {
    const db = await same(['describe', '-n', ns, 'statefulset', 'db']);
    assert.match(db.stdout, /Pods Status:\s+2 Running \/ 0 Waiting/);
    assert.match(db.stdout, /Volume Claims:\n {2}Name:\s+data\n {2}StorageClass:/);
    const cache = await same(['describe', '-n', ns, 'sts', 'cache']);
    assert.match(cache.stdout, /Selector:\s+app=cache,tier in \(hot,mem\)/);
    assert.match(cache.stdout, /Partition:\s+1/);
  });

  test('DaemonSet: on the kwok nodes by node selector, and on no node', async () => {
    const agent = await same(['describe', '-n', ns, 'daemonset', 'agent']);
    assert.match(agent.stdout, /Desired Number of Nodes Scheduled: 2/);
    assert.match(agent.stdout, /Pods Status:\s+2 Running/);
    const nowhere = await same(['describe', '-n', ns, 'ds', 'nowhere']);
    assert.match(nowhere.stdout, /Node-Selector:\s+disktype=ssd,zone=none/);
  });

  test('PVC: pending, bound with a pod using it, made from a claim template', async () => {
    const waiting = await same(['describe', '-n', ns, 'pvc', 'waiting']);
    assert.match(waiting.stdout, /Status:\s+Pending\nVolume:\s+\n/);
    const bound = await same(['describe', '-n', ns, 'pvc', 'bound']);
    assert.match(bound.stdout, /Capacity:\s+3Gi\nAccess Modes:\s+RWO,ROX\n/);
    assert.match(bound.stdout, /Used By:\s+user\n/);
    assert.match(
      bound.stdout,
      /Resizing +True +Mon, 01 Jan 0001 00:00:00 \+0000 +\w{3}, 0[12] Jan 2026/,
    );
    const claim = await same(['describe', '-n', ns, 'persistentvolumeclaim', 'data-db-1']);
    assert.match(claim.stdout, /Used By:\s+db-1\n/);
  });

  test('Ingress: rules, TLS, endpoints, missing services, resource backend', async () => {
    const front = await same(['describe', '-n', ns, 'ingress', 'front']);
    assert.match(front.stdout, /nosuch:8080 \(<error: services "nosuch" not found>\)/);
    assert.match(front.stdout, /web:admin \(\d+\.\d+\.\d+\.\d+:8080,/);
    assert.match(front.stdout, /Address: +10.0.0.1,10.0.0.9,lb.example.com\n/);
    assert.match(front.stdout, /tls-cert terminates a.example.com,b.example.com/);
    const fallback = await same(['describe', '-n', ns, 'ingress', 'fallback']);
    assert.match(
      fallback.stdout,
      /\* {2}\s*\* {2}\s*gone:80 \(<error: services "gone" not found>\)/,
    );
    const manual = await same(['describe', '-n', ns, 'ingress', 'manual']);
    assert.match(
      manual.stdout,
      /manual:90 \(10.1.0.2:9090,10.1.0.3:9090,10.1.0.4:9090 \+ 0 more...\)/,
    );
    await same(['describe', '-n', ns, 'service', 'manual']);
    const bucket = await same(['describe', '-n', ns, 'ing', 'bucket']);
    assert.match(bucket.stdout, /APIGroup: k8s.example.com, Kind: StorageBucket, Name: assets/);
  });

  test('prefixes, -l across kinds, and --show-events=false', async () => {
    const prefix = await same(['describe', '-n', ns, 'job', 'batch']);
    assert.equal(prefix.stdout.match(/^Name:/gm)?.length, 2);
    await same(['describe', '-n', ns, 'cronjob', 't']);
    await same(['describe', '-n', ns, 'ingress', 'f']);
    const labelled = await same(['describe', '-n', ns, 'sts,ds,pvc,ing', '-l', 'suite=kinds']);
    assert.equal(labelled.stdout.match(/^Name:/gm)?.length, 5);
    await same(['describe', '-n', ns, 'jobs', '-l', 'team=x']);
    const quiet = await same(['describe', '-n', ns, 'sts', 'db', '--show-events=false']);
    assert.doesNotMatch(quiet.stdout, /Events:/);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  factoryWithCache,
  kubectlResolves,
  ktlResolves,
  tempCacheDir,
} from './discovery-helpers.js';

/** Type arguments covering plural, singular, kind, case, short names, groups, versions, categories. */
const INPUTS = [
  'pods',
  'pod',
  'po',
  'Pod',
  'PODS',
  'Pods',
  'PO',
  'svc',
  'service',
  'services',
  'deploy',
  'deployments',
  'deployment',
  'Deployment',
  'deployments.apps',
  'deployments.v1.apps',
  'deploy.apps',
  'Deployment.apps',
  'Deployment.v1.apps',
  'deployments.v1beta1.apps',
  'deploy.v1beta1.apps',
  'deployments.app',
  'deploy.app',
  'events',
  'ev',
  'event',
  'events.events.k8s.io',
  'events.v1.events.k8s.io',
  'Event.events.k8s.io',
  'hpa',
  'horizontalpodautoscalers.autoscaling',
  'horizontalpodautoscalers.v1.autoscaling',
  'hpa.v2.autoscaling',
  'storageclass.storage',
  'sc',
  'crd',
  'crds',
  'customresourcedefinitions',
  'ing',
  'netpol',
  'cm',
  'ns',
  'no',
  'nodes',
  'pv',
  'pvc',
  'sa',
  'secrets',
  'ep',
  'endpointslices',
  'cronjobs',
  'cj',
  'jobs',
  'jobs.batch',
  'ds',
  'rs',
  'sts',
  'rc',
  'quota',
  'limits',
  'cs',
  'csr',
  'pdb',
  'pc',
  'priorityclasses',
  'leases',
  'lease.coordination',
  'roles',
  'rolebindings.rbac',
  'clusterroles.rbac.authorization.k8s.io',
  'ClusterRole',
  'podtemplates',
  'apiservices',
  'tokenreviews',
  'bindings',
  'componentstatuses',
  'validatingadmissionpolicies',
  'csidrivers',
  'runtimeclasses',
  'flowschemas',
  'ipaddresses',
  'podlists',
  'podlist',
  'PodList',
  'lists',
  'foo',
  'foo.bar',
  'pods.foo',
  'pods.v1',
  'Foo.Bar.Baz',
  'all',
  'pods,svc',
  'po,pods,pod',
  'all,pods',
  'deploy,foo',
  'scale',
  'pods.',
  'statefulset.apps',
  'controllerrevisions',
];

test('the REST mapper resolves a long list of type arguments exactly as kubectl does', async () => {
  const cacheDir = tempCacheDir();
  await kubectlResolves('pods', cacheDir); // warm kubectl's cache once
  const mismatches: string[] = [];
  const ktlCache = tempCacheDir();
  const batches: string[][] = [];
  for (let i = 0; i < INPUTS.length; i += 6) batches.push(INPUTS.slice(i, i + 6));
  for (const batch of batches) {
    await Promise.all(
      batch.map(async (input) => {
        const { factory } = factoryWithCache(ktlCache);
        const [expected, actual] = await Promise.all([
          kubectlResolves(input, cacheDir),
          ktlResolves(factory, input),
        ]);
        await factory.close();
        if (expected !== actual) mismatches.push(`${input}: kubectl=${expected} ktl=${actual}`);
      }),
    );
  }
  assert.deepEqual(mismatches, []);
});

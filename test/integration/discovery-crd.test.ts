import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubectl, kubectlOk } from '../helpers/cluster.js';
import { factoryWithCache, ktlResolves, tempCacheDir } from './discovery-helpers.js';
import { crdManifest } from '../helpers/crd.js';

function widgetCrd(group: string, suffix: string): string {
  return JSON.stringify(
    crdManifest({
      group,
      plural: 'widgets',
      kind: 'Widget',
      shortNames: [`wdg${suffix}`],
      categories: [`ktlcat${suffix}`],
      schema: {
        type: 'object',
        properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
      },
    }),
  );
}

test('a CRD created a moment ago is found through a warm cache (one refresh), then cached', async (t) => {
  const suffix = `${process.pid}${Date.now().toString(36)}`;
  const group = `ktl${suffix}.example.com`;
  const cacheDir = tempCacheDir();
  const warm = factoryWithCache(cacheDir);
  assert.equal(await ktlResolves(warm.factory, 'pods'), 'v1/pods');
  await warm.factory.close();

  await kubectlOk(['apply', '-f', '-'], { input: widgetCrd(group, suffix) });
  t.after(() => kubectl(['delete', 'crd', `widgets.${group}`, '--wait=false']));
  await kubectlOk(['wait', '--for=condition=Established', `crd/widgets.${group}`, '--timeout=30s']);

  const fresh = factoryWithCache(cacheDir);
  assert.equal(await ktlResolves(fresh.factory, `widgets.${group}`), `${group}/v1/widgets`);
  assert.ok(fresh.requests.includes('/apis'), 'the miss refreshed discovery');
  assert.equal(await ktlResolves(fresh.factory, `wdg${suffix}`), `${group}/v1/widgets`);
  assert.equal(await ktlResolves(fresh.factory, `ktlcat${suffix}`), `${group}/v1/widgets`);
  assert.equal(await ktlResolves(fresh.factory, `Widget.v1.${group}`), `${group}/v1/widgets`);
  const count = fresh.requests.length;
  assert.match(
    await ktlResolves(fresh.factory, 'nosuchthing'),
    /doesn't have a resource type "nosuchthing"/,
  );
  assert.equal(fresh.requests.length, count, 'after a refresh, a miss does not refresh again');
  await fresh.factory.close();

  const later = factoryWithCache(cacheDir);
  assert.equal(await ktlResolves(later.factory, `widget.${group}`), `${group}/v1/widgets`);
  assert.deepEqual(later.requests, [], 'the refreshed cache already knows the CRD');
  await later.factory.close();
});

/** Helpers shared by the apply/diff/delete integration tests. */
import { kubectlOk } from '../helpers/cluster.js';
import { repoRoot } from '../helpers/cluster.js';
import { join } from 'node:path';

/** A manifest fixture under test/fixtures/manifests. */
export function manifestFixture(...parts: string[]): string {
  return join(repoRoot, 'test', 'fixtures', 'manifests', ...parts);
}

/**
 * The state of the apply-managed objects of a namespace that apply decides: labels,
 * annotations (last-applied with the namespace name neutralised), spec and data. Server-set
 * values that differ between namespaces (cluster IPs, revisions) are removed.
 */
export async function appliedState(namespace: string, types = 'deploy,svc,cm'): Promise<unknown[]> {
  const list = JSON.parse(await kubectlOk(['get', types, '-n', namespace, '-o', 'json'])) as {
    items: Array<Record<string, Record<string, unknown>>>;
  };
  return list.items
    .filter((o) => o['metadata']?.['name'] !== 'kube-root-ca.crt')
    .map((o) => {
      const metadata = o['metadata'] ?? {};
      const annotations = { ...((metadata['annotations'] as Record<string, string>) ?? {}) };
      delete annotations['deployment.kubernetes.io/revision'];
      const key = 'kubectl.kubernetes.io/last-applied-configuration';
      if (annotations[key])
        annotations[key] = annotations[key].split(`"${namespace}"`).join('"NS"');
      const spec = { ...(o['spec'] ?? {}) };
      delete spec['clusterIP'];
      delete spec['clusterIPs'];
      return {
        kind: o['kind'],
        name: metadata['name'],
        labels: metadata['labels'],
        annotations,
        spec,
        data: o['data'],
      };
    });
}

import type { Gvk, ResId } from './gvk.js';
import { gvkEquals } from './gvk.js';
import type { Resource } from './resource.js';

export const DEFAULT_ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
export const DEFAULT_ORDER_LAST = [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

function gvkSortKey(gvk: Gvk): string {
  return [gvk.group || '~G', gvk.version || '~V', gvk.kind || '~K'].join('_');
}

function idSortKey(id: ResId): string {
  return [gvkSortKey(id.gvk), id.namespace || '~X', id.name || '~N'].join('|');
}

function compareBytes(a: string, b: string): number {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ab, bb);
}

/** The legacy sort (SortOrderTransformer with legacy order): kind rank, then gvk, then id. */
export function legacySort(
  resources: readonly Resource[],
  orderFirst: readonly string[] = DEFAULT_ORDER_FIRST,
  orderLast: readonly string[] = DEFAULT_ORDER_LAST,
): Resource[] {
  const rank = new Map<string, number>();
  orderFirst.forEach((kind, i) => rank.set(kind, -orderFirst.length + i));
  orderLast.forEach((kind, i) => rank.set(kind, 1 + i));
  const keyed = resources.map((r) => ({ r, id: r.curId() }));
  keyed.sort((a, b) => {
    if (!gvkEquals(a.id.gvk, b.id.gvk)) {
      const ra = rank.get(a.id.gvk.kind) ?? 0;
      const rb = rank.get(b.id.gvk.kind) ?? 0;
      if (ra !== rb) return ra - rb;
      return compareBytes(gvkSortKey(a.id.gvk), gvkSortKey(b.id.gvk));
    }
    return compareBytes(idSortKey(a.id), idSortKey(b.id));
  });
  return keyed.map((k) => k.r);
}

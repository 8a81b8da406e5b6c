/**
 * The resource metrics API (metrics.k8s.io/v1beta1, served by metrics-server through the
 * aggregation layer): whether the server offers it, and node and pod metrics. Used by `top` and
 * by anything that shows usage next to objects (fetchUsage).
 */
import type { DiscoveryClient } from '../../discovery/index.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { Amount } from './usage.js';
import { addAmounts, amountOf, ZERO_AMOUNT } from './usage.js';

export const METRICS_GROUP = 'metrics.k8s.io';
/** The versions kubectl 1.34 can read (v1 support came later). */
export const METRICS_VERSIONS: readonly string[] = ['v1beta1'];
const BASE = `/apis/${METRICS_GROUP}/v1beta1`;

/** CPU, memory (and, where the kubelet reports it, swap) as quantity strings. */
export type ResourceUsage = Readonly<Record<string, string>>;

interface MetricsObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  creationTimestamp?: string;
}

export interface NodeMetrics {
  metadata: MetricsObjectMeta;
  timestamp?: string;
  window?: string;
  usage: ResourceUsage;
}

export interface ContainerMetrics {
  name: string;
  usage: ResourceUsage;
}

export interface PodMetrics {
  metadata: MetricsObjectMeta;
  timestamp?: string;
  window?: string;
  containers: ContainerMetrics[];
}

/**
 * Whether discovery lists metrics.k8s.io in a version kubectl reads. kubectl asks the server
 * each time; ktl answers from the discovery cache and asks the server only when the cache does
 * not list it (the APIService may have been registered since the cache was written).
 */
export async function metricsApiAvailable(discovery: DiscoveryClient): Promise<boolean> {
  const listed = async (): Promise<boolean> =>
    (await discovery.serverGroups()).some(
      (group) =>
        group.name === METRICS_GROUP &&
        group.versions.some((v) => METRICS_VERSIONS.includes(v.version)),
    );
  if (await listed()) return true;
  if (discovery.fresh()) return false;
  discovery.invalidate();
  return listed();
}

/** Which nodes: one by name, or those matching a label selector (all when empty). */
export interface NodeMetricsQuery {
  name?: string;
  labelSelector?: string;
}

/** Node metrics from the metrics API (a 404 for a named node is the server's NotFound error). */
export async function getNodeMetrics(
  client: HttpClient,
  query: NodeMetricsQuery = {},
): Promise<NodeMetrics[]> {
  if (query.name) {
    return [
      await client.json<NodeMetrics>({ path: `${BASE}/nodes/${encodeURIComponent(query.name)}` }),
    ];
  }
  const list = await client.json<{ items?: NodeMetrics[] | null }>({
    path: `${BASE}/nodes`,
    query: { labelSelector: query.labelSelector },
  });
  return list.items ?? [];
}

/** Which pods: in a namespace (every namespace when undefined), by name or by selectors. */
export interface PodMetricsQuery {
  namespace?: string;
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Pod metrics from the metrics API. */
export async function getPodMetrics(
  client: HttpClient,
  query: PodMetricsQuery = {},
): Promise<PodMetrics[]> {
  const scope = query.namespace ? `/namespaces/${encodeURIComponent(query.namespace)}` : '';
  if (query.name) {
    const path = `${BASE}${scope}/pods/${encodeURIComponent(query.name)}`;
    return [await client.json<PodMetrics>({ path })];
  }
  const list = await client.json<{ items?: PodMetrics[] | null }>({
    path: `${BASE}${scope}/pods`,
    query: { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector },
  });
  return list.items ?? [];
}

/** A pod's usage: the exact sum of its containers' usage of each resource asked for. */
export function podUsage(pod: PodMetrics, resources: readonly string[]): Map<string, Amount> {
  const total = new Map<string, Amount>(resources.map((r) => [r, ZERO_AMOUNT]));
  for (const container of pod.containers ?? [])
    for (const resource of resources)
      total.set(
        resource,
        addAmounts(total.get(resource) ?? ZERO_AMOUNT, amountOf(container.usage?.[resource])),
      );
  return total;
}

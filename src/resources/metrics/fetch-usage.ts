/**
 * CPU and memory of a given set of pods or nodes, for views that show usage beside rows they
 * already have (the dashboard asks for the visible rows only). Few requests whatever the number
 * of rows: one per namespace of the pods (one for every namespace when they span several), one
 * for the nodes; rows without metrics are simply absent from the result.
 */
import { ApiStatusError } from '../../errors/errors.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { PodMetrics } from './metrics-api.js';
import { getNodeMetrics, getPodMetrics, podUsage } from './metrics-api.js';
import type { Amount } from './usage.js';
import { amountOf, milliValue, wholeValue } from './usage.js';

/** Usage as `top` prints it: CPU in millicores, memory in bytes. */
export interface UsageFigures {
  cpuMilli: number;
  memoryBytes: number;
}

export interface PodKey {
  namespace: string;
  name: string;
}

/** How many namespaces are fetched one by one before a single all-namespaces list is cheaper. */
const PER_NAMESPACE_LIMIT = 3;

function figures(cpu: Amount, memory: Amount): UsageFigures {
  return { cpuMilli: Number(milliValue(cpu)), memoryBytes: Number(wholeValue(memory)) };
}

/** Usage of the pods, keyed `namespace/name`. */
export async function fetchPodUsage(
  client: HttpClient,
  pods: readonly PodKey[],
): Promise<Map<string, UsageFigures>> {
  const wanted = new Set(pods.map((p) => `${p.namespace}/${p.name}`));
  const namespaces = [...new Set(pods.map((p) => p.namespace))];
  let lists: PodMetrics[][];
  if (pods.length === 1 && pods[0]) lists = [await podOrNothing(client, pods[0])];
  else if (namespaces.length <= PER_NAMESPACE_LIMIT)
    lists = await Promise.all(namespaces.map((namespace) => getPodMetrics(client, { namespace })));
  else lists = [await getPodMetrics(client)];
  const result = new Map<string, UsageFigures>();
  for (const pod of lists.flat()) {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
    if (!wanted.has(key)) continue;
    const usage = podUsage(pod, ['cpu', 'memory']);
    result.set(
      key,
      figures(usage.get('cpu') ?? amountOf('0'), usage.get('memory') ?? amountOf('0')),
    );
  }
  return result;
}

/** Usage of the nodes, keyed by name. */
export async function fetchNodeUsage(
  client: HttpClient,
  names: readonly string[],
): Promise<Map<string, UsageFigures>> {
  const wanted = new Set(names);
  const result = new Map<string, UsageFigures>();
  if (wanted.size === 0) return result;
  for (const node of await getNodeMetrics(client)) {
    if (!wanted.has(node.metadata.name)) continue;
    result.set(node.metadata.name, figures(amountOf(node.usage.cpu), amountOf(node.usage.memory)));
  }
  return result;
}

async function podOrNothing(client: HttpClient, pod: PodKey): Promise<PodMetrics[]> {
  try {
    return await getPodMetrics(client, pod);
  } catch (error) {
    if (error instanceof ApiStatusError && error.isNotFound) return [];
    throw error;
  }
}

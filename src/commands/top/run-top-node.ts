/**
 * `ktl top node`: node usage from the metrics API beside each node's allocatable (or capacity)
 * resources, as kubectl's TopNodeOptions.RunTopNode.
 */
import { PlainError } from '../../errors/errors.js';
import type { Amount, NodeMetrics } from '../../resources/metrics/index.js';
import { amountOf, getNodeMetrics, metricsApiAvailable } from '../../resources/metrics/index.js';
import type { Factory } from '../../runtime/factory.js';
import { printNodeMetrics } from './metrics-printer.js';
import { checkSelectors, nameArgument, sortByFlag } from './top-flags.js';

/** The flags of `ktl top node`. */
export interface TopNodeFlags {
  selector?: string;
  sortBy?: string;
  /** commander's name for --no-headers (false when given). */
  headers?: boolean;
  showCapacity?: boolean;
  showSwap?: boolean;
}

interface Node {
  metadata: { name: string };
  status?: {
    allocatable?: Record<string, string>;
    capacity?: Record<string, string>;
    nodeInfo?: { swap?: { capacity?: number } };
  };
}

/** Runs `ktl top node [NAME | -l label]`. */
export async function runTopNode(
  factory: Factory,
  args: readonly string[],
  flags: TopNodeFlags,
): Promise<void> {
  const name = nameArgument(args, 'node [NAME | -l label]', factory.commandPath);
  const sortBy = sortByFlag(flags.sortBy);
  const selector = flags.selector ?? '';
  if (name && selector) throw new PlainError('only one of NAME or --selector can be provided');
  checkSelectors(selector);
  if (!(await metricsApiAvailable(await factory.discovery())))
    throw new PlainError('Metrics API not available');
  const client = await factory.client();
  const metrics: NodeMetrics[] = await getNodeMetrics(client, { name, labelSelector: selector });
  if (metrics.length === 0) throw new PlainError('metrics not available yet');
  const nodes = name
    ? [await client.json<Node>({ path: `/api/v1/nodes/${encodeURIComponent(name)}` })]
    : ((
        await client.json<{ items?: Node[] | null }>({
          path: '/api/v1/nodes',
          query: { labelSelector: selector },
        })
      ).items ?? []);
  const available = new Map<string, Map<string, Amount>>();
  const missing = new Map<string, Set<string>>();
  for (const node of nodes) {
    const resources = (flags.showCapacity ? node.status?.capacity : node.status?.allocatable) ?? {};
    const amounts = new Map(Object.entries(resources).map(([r, v]) => [r, amountOf(v)]));
    const swap = node.status?.nodeInfo?.swap?.capacity;
    if (swap !== undefined && swap !== null) amounts.set('swap', amountOf(String(swap)));
    else missing.set(node.metadata.name, new Set(['swap']));
    available.set(node.metadata.name, amounts);
  }
  printNodeMetrics((text) => factory.streams.out.write(text), {
    metrics,
    available,
    missing,
    showSwap: flags.showSwap === true,
    noHeaders: flags.headers === false,
    sortBy,
  });
}

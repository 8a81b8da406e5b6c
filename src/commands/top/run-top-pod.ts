/**
 * `ktl top pod`: pod (or container) usage from the metrics API, as kubectl's
 * TopPodOptions.RunTopPod, including what it says when there is nothing to show.
 */
import { PlainError } from '../../errors/errors.js';
import { getPodMetrics, metricsApiAvailable } from '../../resources/metrics/index.js';
import type { Factory } from '../../runtime/factory.js';
import { formatGoDuration } from '../../config/duration.js';
import type { HttpClient } from '../../transport/http-client.js';
import { printPodMetrics } from './metrics-printer.js';
import { checkSelectors, nameArgument, sortByFlag } from './top-flags.js';

/** The flags of `ktl top pod`. */
export interface TopPodFlags {
  selector?: string;
  fieldSelector?: string;
  sortBy?: string;
  allNamespaces?: boolean;
  containers?: boolean;
  /** commander's name for --no-headers (false when given). */
  headers?: boolean;
  sum?: boolean;
  showSwap?: boolean;
}

/** How long after its creation a pod may have no metrics before kubectl calls it an error. */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;

interface Pod {
  metadata: { name: string; namespace?: string; creationTimestamp?: string };
}

/** Runs `ktl top pod [NAME | -l label]`. */
export async function runTopPod(
  factory: Factory,
  args: readonly string[],
  flags: TopPodFlags,
): Promise<void> {
  const name = nameArgument(args, 'pod [NAME | -l label]', factory.commandPath);
  const sortBy = sortByFlag(flags.sortBy);
  const labelSelector = flags.selector ?? '';
  const fieldSelector = flags.fieldSelector ?? '';
  if (name && (labelSelector || fieldSelector))
    throw new PlainError('only one of NAME or selector can be provided');
  const { namespace } = await factory.namespace();
  checkSelectors(labelSelector, fieldSelector);
  if (!(await metricsApiAvailable(await factory.discovery())))
    throw new PlainError('Metrics API not available');
  const client = await factory.client();
  const allNamespaces = flags.allNamespaces === true;
  const metrics = await getPodMetrics(client, {
    namespace: allNamespaces ? undefined : namespace,
    name,
    labelSelector,
    fieldSelector,
  });
  if (metrics.length === 0) {
    // kubectl looks for young pods in the current namespace, even with -A
    await checkEmptyMetrics(client, namespace, name, labelSelector, fieldSelector);
    factory.streams.err.write(
      allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`,
    );
  }
  printPodMetrics((text) => factory.streams.out.write(text), {
    metrics,
    showSwap: flags.showSwap === true,
    noHeaders: flags.headers === false,
    sortBy,
    containers: flags.containers === true,
    withNamespace: allNamespaces,
    sum: flags.sum === true,
  });
}

/**
 * verifyEmptyMetrics: no pods → fine (nothing to show); pods whose metrics may still come →
 * "metrics not available yet"; a pod older than two minutes → it names that pod.
 */
async function checkEmptyMetrics(
  client: HttpClient,
  namespace: string,
  name: string,
  labelSelector: string,
  fieldSelector: string,
): Promise<void> {
  const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  let pods: Pod[];
  if (name) pods = [await client.json<Pod>({ path: `${base}/${encodeURIComponent(name)}` })];
  else {
    const list = await client.json<{ items?: Pod[] | null }>({
      path: base,
      query: { labelSelector, fieldSelector },
    });
    pods = list.items ?? [];
    if (pods.length === 0) return;
  }
  for (const pod of pods) {
    const created = Date.parse(pod.metadata.creationTimestamp ?? '');
    const age = Date.now() - created;
    if (age > METRICS_CREATION_DELAY_MS)
      throw new PlainError(
        `Metrics not available for pod ${pod.metadata.namespace ?? namespace}/${pod.metadata.name}, age: ${formatGoDuration(age)}`,
      );
  }
  throw new PlainError('metrics not available yet');
}

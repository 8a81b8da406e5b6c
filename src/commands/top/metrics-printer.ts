/**
 * kubectl's TopCmdPrinter (metricsutil): the tables of `top node` and `top pod`. Every value is
 * followed by a tab, the last one too, so each line ends in the padding of its last column.
 */
import type { Amount, NodeMetrics, PodMetrics } from '../../resources/metrics/index.js';
import {
  ZERO_AMOUNT,
  addAmounts,
  amountOf,
  milliValue,
  podUsage,
  wholeValue,
} from '../../resources/metrics/index.js';
import { TabWriter } from '../../resources/tabwriter/tabwriter.js';

export type SortBy = '' | 'cpu' | 'memory';

/** The measured resources in column order. */
function measured(showSwap: boolean): string[] {
  return showSwap ? ['cpu', 'memory', 'swap'] : ['cpu', 'memory'];
}

const UNKNOWN = '<unknown>';
const MEBIBYTE = 1024n * 1024n;

function usageText(resource: string, amount: Amount): string {
  if (resource === 'cpu') return `${milliValue(amount)}m`;
  if (resource === 'memory' || resource === 'swap') return `${wholeValue(amount) / MEBIBYTE}Mi`;
  return `${wholeValue(amount)}`;
}

/** `int64(float64(used.MilliValue()) / float64(available.MilliValue()) * 100)`. */
function percentText(used: Amount, available: Amount): string {
  const total = Number(milliValue(available));
  const fraction = total === 0 ? 0 : (Number(milliValue(used)) / total) * 100;
  return `${Math.trunc(fraction)}%`;
}

/**
 * Descending by CPU or memory, else by the given name order (Go's sort; ties keep their order).
 * The keys are computed once per row: comparing bigints made on each call cost more than the
 * rest of the table with thousands of pods.
 */
function compareBy(
  sortBy: SortBy,
  usages: ReadonlyArray<ReadonlyMap<string, Amount> | undefined>,
  byName: (a: number, b: number) => number,
): (a: number, b: number) => number {
  if (sortBy === '') return byName;
  const keys = usages.map((u) => (sortBy === 'cpu' ? cpuOf(u) : memoryOf(u)));
  return (a, b) => cmp(keys[b] ?? 0n, keys[a] ?? 0n);
}

const cpuOf = (u: ReadonlyMap<string, Amount> | undefined): bigint =>
  milliValue(u?.get('cpu') ?? ZERO_AMOUNT);
const memoryOf = (u: ReadonlyMap<string, Amount> | undefined): bigint =>
  wholeValue(u?.get('memory') ?? ZERO_AMOUNT);
const cmp = <T extends bigint | string>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

function sorted<T>(items: readonly T[], compare: (a: number, b: number) => number): T[] {
  return items
    .map((_, i) => i)
    .sort((a, b) => compare(a, b) || a - b)
    .map((i) => items[i] as T);
}

function usageMap(usage: Readonly<Record<string, string>> | undefined): Map<string, Amount> {
  const map = new Map<string, Amount>();
  for (const [name, value] of Object.entries(usage ?? {})) map.set(name, amountOf(value));
  return map;
}

/** What `top node` prints beside each node's usage. */
export interface NodeTableInput {
  metrics: readonly NodeMetrics[];
  /** Allocatable (or capacity) per node, in the order the nodes were listed. */
  available: ReadonlyMap<string, ReadonlyMap<string, Amount>>;
  /** Nodes whose usage of a resource cannot be told (swap on a node that reports none). */
  missing: ReadonlyMap<string, ReadonlySet<string>>;
  showSwap: boolean;
  noHeaders: boolean;
  sortBy: SortBy;
}

/** PrintNodeMetrics: nodes with metrics, sorted, then the listed nodes without any. */
export function printNodeMetrics(write: (text: string) => void, input: NodeTableInput): void {
  if (input.metrics.length === 0) return;
  const resources = measured(input.showSwap);
  const writer = new TabWriter(write);
  const usages = input.metrics.map((m) => usageMap(m.usage));
  const order = compareBy(input.sortBy, usages, (a, b) =>
    cmp(input.metrics[a]?.metadata.name ?? '', input.metrics[b]?.metadata.name ?? ''),
  );
  if (!input.noHeaders) {
    const swap = input.showSwap ? ['SWAP(bytes)', 'SWAP(%)'] : [];
    writer.writeLine(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)', ...swap, '']);
  }
  const withoutMetrics = new Set(input.available.keys());
  for (const index of sorted(
    input.metrics.map((_, i) => i),
    order,
  )) {
    const name = input.metrics[index]?.metadata.name ?? '';
    const cells = [name];
    for (const resource of resources) {
      if (input.missing.get(name)?.has(resource)) {
        cells.push(UNKNOWN, UNKNOWN);
        continue;
      }
      const used = usages[index]?.get(resource) ?? ZERO_AMOUNT;
      cells.push(usageText(resource, used));
      const available = input.available.get(name)?.get(resource);
      if (available) cells.push(percentText(used, available));
    }
    writer.writeLine([...cells, '']);
    withoutMetrics.delete(name);
  }
  for (const name of withoutMetrics)
    writer.writeLine([name, ...resources.flatMap(() => [UNKNOWN, UNKNOWN]), '']);
  writer.flush();
}

/** What `top pod` prints. */
export interface PodTableInput {
  metrics: readonly PodMetrics[];
  showSwap: boolean;
  noHeaders: boolean;
  sortBy: SortBy;
  containers: boolean;
  withNamespace: boolean;
  sum: boolean;
}

/** PrintPodMetrics: one line per pod (or per container), sorted, and the optional sum. */
export function printPodMetrics(write: (text: string) => void, input: PodTableInput): void {
  if (input.metrics.length === 0) return;
  const resources = measured(input.showSwap);
  const writer = new TabWriter(write);
  const podColumns = [
    'NAME',
    'CPU(cores)',
    'MEMORY(bytes)',
    ...(input.showSwap ? ['SWAP(bytes)'] : []),
  ];
  // kubectl counts the NAMESPACE and POD columns only when it prints the header
  let columnWidth = podColumns.length;
  if (!input.noHeaders) {
    const header: string[] = [];
    if (input.withNamespace) header.push('NAMESPACE');
    if (input.containers) header.push('POD');
    columnWidth += header.length;
    writer.writeLine([...header, ...podColumns, '']);
  }
  const usages = input.metrics.map((m) => podUsage(m, resources));
  const order = compareBy(input.sortBy, usages, (a, b) => {
    const x = input.metrics[a]?.metadata;
    const y = input.metrics[b]?.metadata;
    if (input.withNamespace && x?.namespace !== y?.namespace)
      return cmp(x?.namespace ?? '', y?.namespace ?? '');
    return cmp(x?.name ?? '', y?.name ?? '');
  });
  const pods = sorted(
    input.metrics.map((_, i) => i),
    order,
  );
  for (const index of pods) {
    const pod = input.metrics[index] as PodMetrics;
    const prefix = input.withNamespace ? [pod.metadata.namespace ?? ''] : [];
    if (!input.containers) {
      const usage = usages[index] ?? new Map<string, Amount>();
      writer.writeLine([...prefix, pod.metadata.name, ...usageCells(resources, usage), '']);
      continue;
    }
    const containers = pod.containers ?? [];
    const containerUsages = containers.map((c) => usageMap(c.usage));
    const containerOrder = compareBy(input.sortBy, containerUsages, (a, b) =>
      cmp(containers[a]?.name ?? '', containers[b]?.name ?? ''),
    );
    for (const c of sorted(
      containers.map((_, i) => i),
      containerOrder,
    )) {
      const usage = containerUsages[c] ?? new Map<string, Amount>();
      const cells = usageCells(resources, usage);
      writer.writeLine([...prefix, pod.metadata.name, containers[c]?.name ?? '', ...cells, '']);
    }
  }
  if (input.sum) {
    const total = new Map<string, Amount>();
    for (const pod of input.metrics)
      for (const container of pod.containers ?? [])
        for (const resource of resources)
          total.set(
            resource,
            addAmounts(total.get(resource) ?? ZERO_AMOUNT, amountOf(container.usage?.[resource])),
          );
    writer.writeLine([...blanks(columnWidth - 2), '________', '________', '']);
    writer.writeLine([...blanks(columnWidth - 3), '', ...usageCells(resources, total), '']);
  }
  writer.flush();
}

function usageCells(resources: readonly string[], usage: ReadonlyMap<string, Amount>): string[] {
  return resources.map((r) => usageText(r, usage.get(r) ?? ZERO_AMOUNT));
}

function blanks(count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, () => '');
}

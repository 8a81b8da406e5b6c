/**
 * CPU and memory beside pods and nodes, from the metrics API (k9s's CPU, MEM, %CPU/R, %MEM/R
 * columns on pods; CPU, %CPU, MEM, %MEM on nodes), shown by default as k9s shows its metrics
 * columns. Only the rows on screen are asked about, a few seconds apart, so a large cluster
 * costs no more than a small one. Until the metrics API has answered the columns are left out
 * (as k9s leaves them out without metrics-server), and the poller asks again only now and then,
 * with no message: a cluster without metrics-server is normal. Once it has answered, a failed
 * poll shows n/a rather than making the columns come and go.
 */
import type { UsageFigures } from '../../resources/metrics/index.js';
import {
  amountOf,
  fetchNodeUsage,
  fetchPodUsage,
  milliValue,
  wholeValue,
} from '../../resources/metrics/index.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { DashColumn } from './types.js';

export type UsageKind = 'pods' | 'nodes';

/** Shown in the default view as in wide mode (k9s's metrics columns are not wide-only). */
const column = (name: string): DashColumn => ({ name, type: 'string', format: '', priority: 0 });

/** The usage columns of each kind, in k9s's order. */
export const USAGE_COLUMNS: Record<UsageKind, DashColumn[]> = {
  pods: ['CPU', 'MEM', '%CPU/R', '%MEM/R'].map(column),
  nodes: ['CPU', '%CPU', 'MEM', '%MEM'].map(column),
};

export const NOT_AVAILABLE = 'n/a';

/** A row the poller asks about: `namespace/name` for pods, the name for nodes. */
export interface UsageRow {
  key: string;
  namespace: string;
  name: string;
}

/** CPU in millicores and memory in bytes a pod requests, or a node can allocate. */
interface Capacity {
  cpuMilli: number;
  memoryBytes: number;
}

const MEBIBYTE = 1024 * 1024;

function percent(used: number, of: number | undefined): string {
  return of ? `${Math.trunc((used / of) * 100)}` : NOT_AVAILABLE;
}

/** The cells of one row, in USAGE_COLUMNS order. */
export function usageCells(
  kind: UsageKind,
  usage: UsageFigures | undefined,
  capacity: Capacity | undefined,
): string[] {
  if (!usage) return USAGE_COLUMNS[kind].map(() => NOT_AVAILABLE);
  const cpu = `${usage.cpuMilli}m`;
  const memory = `${Math.trunc(usage.memoryBytes / MEBIBYTE)}Mi`;
  const cpuPercent = percent(usage.cpuMilli, capacity?.cpuMilli);
  const memoryPercent = percent(usage.memoryBytes, capacity?.memoryBytes);
  return kind === 'pods'
    ? [cpu, memory, cpuPercent, memoryPercent]
    : [cpu, cpuPercent, memory, memoryPercent];
}

interface Resources {
  cpu?: string;
  memory?: string;
}

/** The sum of a pod's containers' requests (undefined parts: no request). */
function podRequests(pod: {
  spec?: { containers?: Array<{ resources?: { requests?: Resources } }> };
}): Capacity {
  let cpuMilli = 0;
  let memoryBytes = 0;
  for (const container of pod.spec?.containers ?? []) {
    const requests = container.resources?.requests ?? {};
    if (requests.cpu) cpuMilli += Number(milliValue(amountOf(requests.cpu)));
    if (requests.memory) memoryBytes += Number(wholeValue(amountOf(requests.memory)));
  }
  return { cpuMilli, memoryBytes };
}

/** How often the rows on screen are asked about; metrics-server itself scrapes every 15 s. */
const POLL_MS = 5000;
/** How long to wait before asking again once the metrics API did not answer. */
const UNAVAILABLE_MS = 30_000;
/**
 * Above this many pods in a table, the pods on screen are asked about one by one: a list of a
 * namespace's metrics would carry every pod's.
 */
const PER_POD = 500;
/** Requests are kept per pod (they rarely change); at most this many pods. */
const MAX_CACHED = 5000;

/**
 * Polls the usage of the rows a table shows, while it is on screen. `rows` says which rows are
 * on screen now; `onUsage` gets the cells by row key after each poll, or undefined while the
 * metrics API has never answered (no usage columns then).
 */
export class UsagePoller {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Whether the metrics API has answered once: from then on a failure shows n/a. */
  private answered = false;
  private readonly capacities = new Map<string, Capacity>();
  /** The keys asked about last, to ask at once when other rows come on screen. */
  private asked = '';

  constructor(
    private readonly client: HttpClient,
    private readonly kind: UsageKind,
    private readonly rows: () => UsageRow[],
    /** How many rows the table has in all (above PER_POD, each row on screen is asked alone). */
    private readonly total: () => number,
    private readonly onUsage: (cells: Map<string, string[]> | undefined) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(300);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The rows on screen changed (scrolling, filtering): ask soon if they are new. */
  rowsChanged(): void {
    if (this.stopped || this.keysOf(this.rows()) === this.asked) return;
    this.schedule(200);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref();
  }

  private keysOf(rows: UsageRow[]): string {
    return rows.map((r) => r.key).join(' ');
  }

  private async poll(): Promise<void> {
    const rows = this.rows();
    this.asked = this.keysOf(rows);
    // nothing on screen yet (the list is loading): nothing to ask, and nothing learnt about the
    // metrics API; rowsChanged asks as soon as rows come
    if (rows.length === 0) return;
    let next = POLL_MS;
    try {
      const usage = await this.usage(rows);
      await this.loadCapacities(rows);
      if (this.stopped) return;
      this.answered = true;
      const cells = new Map<string, string[]>();
      for (const row of rows)
        cells.set(row.key, usageCells(this.kind, usage.get(row.key), this.capacities.get(row.key)));
      this.onUsage(cells);
    } catch {
      // No metrics API, or it failed: no columns (never answered) or n/a, and ask again much
      // later (never an error loop).
      if (this.stopped) return;
      this.onUsage(
        this.answered
          ? new Map(rows.map((row) => [row.key, usageCells(this.kind, undefined, undefined)]))
          : undefined,
      );
      next = UNAVAILABLE_MS;
    }
    if (!this.stopped) this.schedule(next);
  }

  private async usage(rows: UsageRow[]): Promise<Map<string, UsageFigures>> {
    if (this.kind === 'nodes')
      return fetchNodeUsage(
        this.client,
        rows.map((r) => r.name),
      );
    if (this.total() <= PER_POD) return fetchPodUsage(this.client, rows);
    const each = await Promise.all(rows.map((row) => fetchPodUsage(this.client, [row])));
    return new Map(each.flatMap((usage) => [...usage]));
  }

  /** Pods' requests (each pod once) or nodes' allocatable (every poll: nodes are few). */
  private async loadCapacities(rows: UsageRow[]): Promise<void> {
    if (this.kind === 'nodes') {
      type Node = { metadata?: { name?: string }; status?: { allocatable?: Resources } };
      const list = await this.client.json<{ items?: Node[] }>({ path: '/api/v1/nodes' });
      for (const node of list.items ?? []) {
        const allocatable = node.status?.allocatable ?? {};
        this.capacities.set(node.metadata?.name ?? '', {
          cpuMilli: Number(milliValue(amountOf(allocatable.cpu ?? '0'))),
          memoryBytes: Number(wholeValue(amountOf(allocatable.memory ?? '0'))),
        });
      }
      return;
    }
    const missing = rows.filter((r) => !this.capacities.has(r.key));
    if (this.capacities.size + missing.length > MAX_CACHED) this.capacities.clear();
    await Promise.all(
      missing.map(async (row) => {
        const path = `/api/v1/namespaces/${encodeURIComponent(row.namespace)}/pods/${encodeURIComponent(row.name)}`;
        const pod = await this.client
          .json<Parameters<typeof podRequests>[0]>({ path })
          .catch(() => undefined);
        if (pod) this.capacities.set(row.key, podRequests(pod));
      }),
    );
  }
}

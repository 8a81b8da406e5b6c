import { humanDuration } from '../../printers/human-duration.js';
import { toKubectlYaml } from '../../printers/yaml-text.js';
import type { KubeObject } from '../../resources/kube-object.js';
import type { HttpClient } from '../../transport/http-client.js';

/** The object as `kubectl get -o yaml` prints it, without managedFields. */
export async function yamlText(object: KubeObject): Promise<string> {
  const copy = structuredClone(object);
  if (copy.metadata) delete copy.metadata['managedFields'];
  return toKubectlYaml(copy);
}

interface EventItem {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string };
  reportingComponent?: string;
}

/** The events about an object (by uid), oldest first. */
export async function eventsFor(client: HttpClient, object: KubeObject): Promise<EventItem[]> {
  const meta = object.metadata ?? {};
  if (!meta.uid) return [];
  const namespace = meta.namespace ? `/namespaces/${encodeURIComponent(meta.namespace)}` : '';
  const list = await client.json<{ items?: EventItem[] }>({
    path: `/api/v1${namespace}/events`,
    query: { fieldSelector: `involvedObject.uid=${meta.uid}` },
  });
  return (list.items ?? []).sort((a, b) => stamp(a) - stamp(b));
}

function stamp(event: EventItem): number {
  return Date.parse(event.lastTimestamp ?? event.eventTime ?? '') || 0;
}

/** A `kubectl describe`-like summary: metadata, pod containers, conditions, events. */
export function describeText(object: KubeObject, events: EventItem[], now = Date.now()): string {
  const meta = object.metadata ?? {};
  const lines: string[] = [];
  const field = (label: string, value: string): void => {
    lines.push(`${`${label}:`.padEnd(20)}${value}`);
  };
  field('Name', meta.name ?? '');
  if (meta.namespace) field('Namespace', meta.namespace);
  field('Kind', `${object.kind ?? ''} (${object.apiVersion ?? ''})`);
  mapField(lines, 'Labels', meta.labels);
  mapField(lines, 'Annotations', meta.annotations);
  field('CreationTimestamp', meta.creationTimestamp ?? '<unknown>');
  const status = (object['status'] ?? {}) as Record<string, unknown>;
  if (typeof status['phase'] === 'string') field('Status', status['phase']);
  const spec = (object['spec'] ?? {}) as Record<string, unknown>;
  if (typeof spec['nodeName'] === 'string') field('Node', spec['nodeName']);
  if (typeof spec['replicas'] === 'number') field('Replicas', `${spec['replicas']} desired`);
  containerLines(lines, spec, status);
  conditionLines(lines, status);
  eventLines(lines, events, now);
  return lines.join('\n');
}

function mapField(lines: string[], label: string, map: Record<string, string> | undefined): void {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) lines.push(`${`${label}:`.padEnd(20)}<none>`);
  entries.forEach(([k, v], i) => lines.push(`${(i === 0 ? `${label}:` : '').padEnd(20)}${k}=${v}`));
}

function containerLines(
  lines: string[],
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
): void {
  const containers = (spec['containers'] ??
    (spec['template'] as { spec?: { containers?: unknown } })?.spec?.containers) as
    Array<{ name: string; image?: string }> | undefined;
  if (!Array.isArray(containers)) return;
  const statuses = (status['containerStatuses'] ?? []) as Array<{
    name: string;
    ready?: boolean;
    restartCount?: number;
    state?: Record<string, { reason?: string }>;
  }>;
  lines.push('Containers:');
  for (const container of containers) {
    const s = statuses.find((c) => c.name === container.name);
    lines.push(`  ${container.name}:`);
    lines.push(`    Image:          ${container.image ?? ''}`);
    if (!s) continue;
    const [state = 'Unknown', detail] = Object.entries(s.state ?? {})[0] ?? [];
    const reason = detail?.reason ? ` (${detail.reason})` : '';
    lines.push(`    State:          ${state[0]?.toUpperCase() ?? ''}${state.slice(1)}${reason}`);
    lines.push(`    Ready:          ${s.ready === true ? 'True' : 'False'}`);
    lines.push(`    Restart Count:  ${s.restartCount ?? 0}`);
  }
}

function conditionLines(lines: string[], status: Record<string, unknown>): void {
  const conditions = status['conditions'];
  if (!Array.isArray(conditions) || conditions.length === 0) return;
  lines.push('Conditions:', '  Type                Status');
  for (const c of conditions as Array<{ type?: string; status?: string }>)
    lines.push(`  ${(c.type ?? '').padEnd(20)}${c.status ?? ''}`);
}

function eventLines(lines: string[], events: EventItem[], now: number): void {
  if (events.length === 0) {
    lines.push('Events:              <none>');
    return;
  }
  lines.push('Events:', '  Type     Reason            Age     From                Message');
  for (const e of events) {
    const at = stamp(e);
    const age = at ? humanDuration(now - at) : '<unknown>';
    const from = e.source?.component ?? e.reportingComponent ?? '';
    lines.push(
      `  ${(e.type ?? '').padEnd(9)}${(e.reason ?? '').padEnd(18)}${age.padEnd(8)}${from.padEnd(20)}${e.message ?? ''}`,
    );
  }
}

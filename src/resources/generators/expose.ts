/**
 * `kubectl expose`: the Service for a pod, service, deployment, replica set or replication
 * controller, its selector and ports read from the source object unless given as flags.
 */
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta, sortedMap } from './object.js';
import { goAtoi, parseIntOrString, parseLabels } from './parse.js';

/** Flags of `expose`. */
export interface ExposeParams {
  name?: string;
  selector?: string;
  port?: string;
  protocol?: string;
  targetPort?: string;
  labels?: string;
  externalIP?: string;
  type?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  clusterIP?: string;
}

const EXPOSABLE: Record<string, string> = {
  Pod: '',
  Service: '',
  ReplicationController: '',
  Deployment: 'apps',
  ReplicaSet: 'apps',
};

/** canBeExposed: throws `cannot expose a Kind.group` for other kinds. */
export function checkExposable(kind: string, group: string): void {
  const allowed = EXPOSABLE[kind];
  if (
    allowed === undefined ||
    (allowed !== group && !(group === 'extensions' && allowed === 'apps'))
  )
    throw new Error(`cannot expose a ${group ? `${kind}.${group}` : kind}`);
}

function get(object: KubeObject, ...path: string[]): unknown {
  let current: unknown = object;
  for (const key of path) current = (current as KubeObject | undefined)?.[key];
  return current;
}

function labelsText(map: unknown): string {
  return Object.entries((map as Record<string, string>) ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** mapBasedSelectorForObject: the selector a Service for this object should use. */
export function selectorForObject(object: KubeObject): string {
  const kind = object['kind'];
  if (kind === 'ReplicationController') return labelsText(get(object, 'spec', 'selector'));
  if (kind === 'Pod') {
    const labels = get(object, 'metadata', 'labels');
    if (!labels || Object.keys(labels).length === 0)
      throw new Error('the pod has no labels and cannot be exposed');
    return labelsText(labels);
  }
  if (kind === 'Service') {
    const selector = get(object, 'spec', 'selector');
    if (!selector) throw new Error('the service has no pod selector set');
    return labelsText(selector);
  }
  const what = kind === 'Deployment' ? 'deployment' : 'replicaset';
  const matchLabels = get(object, 'spec', 'selector', 'matchLabels') as
    Record<string, string> | undefined;
  if (!matchLabels || Object.keys(matchLabels).length === 0)
    throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
  const expressions = get(object, 'spec', 'selector', 'matchExpressions') as unknown[] | undefined;
  if (expressions && expressions.length > 0)
    throw new Error(
      `couldn't convert expressions - "${JSON.stringify(expressions)}" to map-based selector format`,
    );
  return labelsText(matchLabels);
}

function podSpecOf(object: KubeObject): KubeObject | undefined {
  if (object['kind'] === 'Pod') return get(object, 'spec') as KubeObject | undefined;
  return get(object, 'spec', 'template', 'spec') as KubeObject | undefined;
}

interface PortInfo {
  port: number;
  protocol: string;
}

function portsOf(object: KubeObject): PortInfo[] {
  if (object['kind'] === 'Service') {
    const ports = (get(object, 'spec', 'ports') as KubeObject[] | undefined) ?? [];
    return ports.map((p) => ({
      port: Number(p['port']),
      protocol: String(p['protocol'] ?? 'TCP'),
    }));
  }
  const containers = (podSpecOf(object)?.['containers'] as KubeObject[] | undefined) ?? [];
  return containers.flatMap((c) =>
    ((c['ports'] as KubeObject[] | undefined) ?? []).map((p) => ({
      port: Number(p['containerPort']),
      protocol: String(p['protocol'] ?? 'TCP'),
    })),
  );
}

/** portsForObject: the distinct port numbers, in order. */
export function portsForObject(object: KubeObject): string[] {
  return [...new Set(portsOf(object).map((p) => String(p.port)))];
}

/** multiProtocolsForObject: each port's distinct protocols. */
export function protocolsForObject(object: KubeObject): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { port, protocol } of portsOf(object)) {
    const list = map.get(String(port)) ?? [];
    if (!list.includes(protocol)) list.push(protocol);
    map.set(String(port), list);
  }
  return map;
}

/** Builds the Service for `expose`, filling selector, ports and labels from the source object. */
export function generateExposeService(source: KubeObject, params: ExposeParams): KubeObject {
  const sourceName = String(get(source, 'metadata', 'name') ?? '').slice(0, 63);
  let selectorText = params.selector ?? '';
  if (selectorText === '') {
    try {
      selectorText = selectorForObject(source);
    } catch (error) {
      throw new Error(
        `couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`,
      );
    }
  }
  const headless = params.clusterIP === 'None';
  let portText = params.port ?? '';
  if (portText === '') {
    const ports = portsForObject(source);
    if (ports.length === 0 && !headless)
      throw new Error("couldn't find port via --port flag or introspection");
    portText = ports.join(',');
  }
  const protocols = protocolsForObject(source);
  const labelsSpec = params.labels || labelsText(get(source, 'metadata', 'labels'));
  if (selectorText === '') throw new Error('selector must be specified');
  const selector = parseLabels(selectorText);
  const labels = labelsSpec ? parseLabels(labelsSpec) : undefined;
  const name = params.name || sourceName;
  if (name === '') throw new Error('name must be specified');
  const ports = servicePorts(portText, params.protocol ?? '', protocols);
  const targetPort = params.targetPort ? parseIntOrString(params.targetPort) : undefined;
  for (const port of ports) port['targetPort'] = targetPort ?? port['port'];
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta({ name, labels }),
    spec: compact({
      ports,
      selector: sortedMap(selector),
      clusterIP: params.clusterIP || undefined,
      type: params.type || undefined,
      externalIPs: params.externalIP ? [params.externalIP] : undefined,
      sessionAffinity: sessionAffinity(params.sessionAffinity),
      loadBalancerIP:
        params.type === 'LoadBalancer' ? params.loadBalancerIP || undefined : undefined,
    }),
    status: { loadBalancer: {} },
  };
}

function sessionAffinity(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value !== 'None' && value !== 'ClientIP')
    throw new Error(`unknown session affinity: ${value}`);
  return value;
}

function servicePorts(
  portText: string,
  protocol: string,
  protocols: Map<string, string[]>,
): KubeObject[] {
  if (portText === '') return [];
  const items = portText.split(',');
  const ports: KubeObject[] = [];
  items.forEach((text, index) => {
    const port = goAtoi(text);
    const name = items.length > 1 ? `port-${index + 1}` : undefined;
    let chosen = protocol || 'TCP';
    const known = protocols.get(text) ?? [];
    if (!protocol && known.length > 1) {
      for (const p of known)
        ports.push({ name: `port-${index + 1}-${p.toLowerCase()}`, protocol: p, port });
      return;
    }
    if (!protocol && known.length === 1) chosen = known[0] ?? 'TCP';
    ports.push(compact({ name, protocol: chosen, port }));
  });
  return ports;
}

/**
 * What `shift-f` offers to forward: the pod behind a row (a pod, or the most active pod of a
 * workload or Service, as kubectl port-forward picks it) and its container ports, written
 * `container::port` as k9s writes them.
 */
import type { KubeObject } from '../../resources/kube-object.js';

interface ContainerPort {
  name?: string;
  containerPort: number;
}

/** The parts of a pod the forward needs. */
export interface ForwardPod extends KubeObject {
  spec?: { containers?: Array<{ name: string; ports?: ContainerPort[] }> };
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string }>;
  };
}

/** A Service's ports. */
export interface ServiceSpec {
  spec?: { ports?: Array<{ port: number; targetPort?: number | string }> };
}

/** A port to forward to: the container (for the list) and its number. */
export interface ForwardPort {
  container: string;
  port: number;
}

function isReady(pod: ForwardPod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** How eligible a pod is: Running and Ready first, then Running; deleted pods never. */
function rank(pod: ForwardPod): number {
  if (pod.metadata?.['deletionTimestamp']) return 0;
  if (pod.status?.phase !== 'Running') return 0;
  return isReady(pod) ? 2 : 1;
}

/** The pod to forward to among a workload's or Service's pods, or undefined if none runs. */
export function choosePod(pods: readonly ForwardPod[]): ForwardPod | undefined {
  const created = (p: ForwardPod) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0;
  const running = pods.filter((p) => rank(p) > 0);
  running.sort((a, b) => rank(b) - rank(a) || created(b) - created(a));
  return running[0];
}

/** Every declared container port of a pod. */
export function podPorts(pod: ForwardPod): ForwardPort[] {
  return (pod.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => ({ container: c.name, port: p.containerPort })),
  );
}

/** The container that declares a port (by number or name), else the pod's first container. */
function containerOf(pod: ForwardPod, port: number | string): ForwardPort | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const found = (c.ports ?? []).find((p) =>
      typeof port === 'number' ? p.containerPort === port : p.name === port,
    );
    if (found) return { container: c.name, port: found.containerPort };
  }
  const first = pod.spec?.containers?.[0]?.name;
  return typeof port === 'number' && first !== undefined ? { container: first, port } : undefined;
}

/** A Service's ports as the pod's target ports (kubectl's translateServicePortToTargetPort). */
export function servicePorts(service: ServiceSpec, pod: ForwardPod): ForwardPort[] {
  return (service.spec?.ports ?? []).flatMap((p) => {
    const found = containerOf(pod, p.targetPort ?? p.port);
    return found ? [found] : [];
  });
}

/** `container::port` */
export function portText(port: ForwardPort): string {
  return `${port.container}::${port.port}`;
}

/**
 * Reads what was typed as the container port: `container::port`, a number, or a port name;
 * undefined when it names no port of the pod.
 */
export function parseForwardPort(text: string, pod: ForwardPod): ForwardPort | undefined {
  const [container = '', port = ''] = text.includes('::') ? text.split('::') : ['', text];
  const number = /^\d+$/.test(port) ? Number(port) : undefined;
  if (number !== undefined && (number < 1 || number > 65535)) return undefined;
  if (container !== '') {
    const known = (pod.spec?.containers ?? []).some((c) => c.name === container);
    if (!known) return undefined;
    if (number !== undefined) return { container, port: number };
  }
  return containerOf(pod, number ?? port);
}

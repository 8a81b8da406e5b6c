/** The parts of a core/v1 Pod that the streaming commands read. */
export interface Pod {
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    nodeName?: string;
    containers: PodContainer[];
    initContainers?: PodContainer[];
    ephemeralContainers?: PodContainer[];
  };
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>;
    containerStatuses?: Array<{ name: string; restartCount?: number }>;
    initContainerStatuses?: Array<{ name: string; restartCount?: number }>;
  };
}

/** A container of a Pod. */
export interface PodContainer {
  name: string;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
}

/** A list of Pods. */
export interface PodList {
  metadata?: { resourceVersion?: string };
  items: Pod[];
}

/** kubectl's annotation naming the container commands default to. */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Every container name: regular, ephemeral (marked), init (marked) (podcmd.AllContainerNames). */
export function allContainerNames(pod: Pod): string {
  return [
    ...pod.spec.containers.map((c) => c.name),
    ...(pod.spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** Whether a container of this name exists in any of the pod's container lists. */
export function hasContainer(pod: Pod, name: string): boolean {
  return [
    ...(pod.spec.initContainers ?? []),
    ...pod.spec.containers,
    ...(pod.spec.ephemeralContainers ?? []),
  ].some((c) => c.name === name);
}

/**
 * The container to use when none was named (podcmd.FindOrDefaultContainerByName): the
 * default-container annotation if valid, else the first container, with kubectl's notes.
 */
export function defaultContainer(
  pod: Pod,
  note: (line: string) => void,
  reportBadAnnotation = false,
): string {
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? '';
  if (annotated !== '') {
    if (hasContainer(pod, annotated)) return annotated;
    if (reportBadAnnotation)
      note(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  const first = pod.spec.containers[0]?.name ?? '';
  const several =
    pod.spec.containers.length > 1 ||
    (pod.spec.initContainers ?? []).length > 0 ||
    (pod.spec.ephemeralContainers ?? []).length > 0;
  if (several) note(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}

/** Whether the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

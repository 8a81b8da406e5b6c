/**
 * The xray tree (k9s's `:xray TYPE`): each object of a type with what it is made of and what
 * it uses, grouped by namespace. Deployment → ReplicaSet → Pod; StatefulSet, DaemonSet,
 * ReplicaSet and Job → Pod (by controller owner reference); CronJob → Job → Pod; Service → the
 * pods its selector selects; Pod → its containers (with the ConfigMaps and Secrets their
 * environment reads), the ConfigMaps, Secrets and PVCs its volumes mount, and its
 * ServiceAccount. A reference to an object that does not exist is marked (k9s's TOAST_REF).
 */
import type { KubeObject } from '../../../resources/kube-object.js';
import { compareNatural } from './natural-order.js';

/** How a node is doing (k9s's statuses). */
export type XrayStatus = 'ok' | 'toast' | 'completed' | 'noref';

/** One node of the tree. */
export interface XrayNode {
  /** Unique in the tree: the parent's id and this node's resource/name. */
  id: string;
  /** The plural resource ('pods', 'configmaps'…), 'containers' or 'namespaces'. */
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  status: XrayStatus;
  /** Counts shown after the name: `[3/3/0]`. */
  info: string;
  children: XrayNode[];
  /** A container's pod. */
  pod?: string;
}

/** The root types xray draws, and the caches each needs besides pods. */
export const XRAY_ROOTS = {
  deployments: ['replicasets'],
  statefulsets: [],
  daemonsets: [],
  replicasets: [],
  jobs: [],
  cronjobs: ['jobs'],
  services: [],
  pods: [],
} as const satisfies Record<string, readonly string[]>;

export type XrayRoot = keyof typeof XRAY_ROOTS;

/** The types a pod refers to, whose existence the tree checks. */
export const REF_RESOURCES = [
  'configmaps',
  'secrets',
  'serviceaccounts',
  'persistentvolumeclaims',
] as const;

/** What the tree is built from. */
export interface XrayData {
  root: XrayRoot;
  /** The objects by resource: the root type's, replicasets, jobs, pods. */
  objects: ReadonlyMap<string, readonly KubeObject[]>;
  /** `namespace/name` of the referenced objects that exist, by resource; absent: not known yet. */
  names: ReadonlyMap<string, ReadonlySet<string>>;
}

interface OwnerReference {
  uid?: string;
  controller?: boolean;
}

type Json = Record<string, unknown>;

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

function meta(object: KubeObject): { name: string; namespace: string; uid: string } {
  const m = object.metadata ?? {};
  return { name: m.name ?? '', namespace: m.namespace ?? '', uid: m.uid ?? '' };
}

function spec(object: KubeObject): Json {
  return (object['spec'] ?? {}) as Json;
}

function status(object: KubeObject): Json {
  return (object['status'] ?? {}) as Json;
}

/** The uid of an object's controller (else its first owner). */
function ownerUid(object: KubeObject): string {
  const owners = (object.metadata?.['ownerReferences'] ?? []) as OwnerReference[];
  return (owners.find((o) => o.controller === true) ?? owners[0])?.uid ?? '';
}

/** Objects grouped by their owner's uid. */
function byOwner(objects: readonly KubeObject[]): Map<string, KubeObject[]> {
  const groups = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const uid = ownerUid(object);
    if (uid === '') continue;
    const group = groups.get(uid);
    if (group) group.push(object);
    else groups.set(uid, [object]);
  }
  return groups;
}

function node(
  parent: string,
  resource: string,
  object: KubeObject,
  extra: Partial<XrayNode> = {},
): XrayNode {
  const { name, namespace, uid } = meta(object);
  return {
    id: `${parent}>${resource}/${name}`,
    resource,
    namespace,
    name,
    uid,
    status: 'ok',
    info: '',
    children: [],
    ...extra,
  };
}

function byName(a: XrayNode, b: XrayNode): number {
  return compareNatural(a.name, b.name);
}

/** Builds the tree; `now` is not needed: nothing in it depends on time. */
export function buildXrayTree(data: XrayData): XrayNode[] {
  const list = (resource: string) => data.objects.get(resource) ?? [];
  const pods = list('pods');
  const podsByOwner = byOwner(pods);
  const podsByNamespace = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    const ns = meta(pod).namespace;
    const group = podsByNamespace.get(ns);
    if (group) group.push(pod);
    else podsByNamespace.set(ns, [pod]);
  }
  const setsByOwner = byOwner(list('replicasets'));
  const jobsByOwner = byOwner(list('jobs'));

  const podNodes = (parent: string, owned: readonly KubeObject[]): XrayNode[] =>
    owned.map((pod) => podNode(parent, pod, data.names)).sort(byName);

  const rootNode = (parent: string, object: KubeObject): XrayNode => {
    const uid = meta(object).uid;
    switch (data.root) {
      case 'deployments': {
        const n = node(parent, 'deployments', object, deploymentState(object));
        n.children = (setsByOwner.get(uid) ?? [])
          .filter((rs) => num(spec(rs)['replicas']) > 0 || podsByOwner.has(meta(rs).uid))
          .map((rs) => {
            const child = node(n.id, 'replicasets', rs, replicaState(rs));
            child.children = podNodes(child.id, podsByOwner.get(meta(rs).uid) ?? []);
            return child;
          })
          .sort(byName);
        return n;
      }
      case 'cronjobs': {
        const n = node(parent, 'cronjobs', object, {
          info: spec(object)['suspend'] === true ? 'suspended' : '',
        });
        n.children = (jobsByOwner.get(uid) ?? [])
          .map((job) => {
            const child = node(n.id, 'jobs', job, jobState(job));
            child.children = podNodes(child.id, podsByOwner.get(meta(job).uid) ?? []);
            return child;
          })
          .sort(byName);
        return n;
      }
      case 'services': {
        const n = node(parent, 'services', object);
        const selector = spec(object)['selector'] as Record<string, string> | undefined;
        const selected =
          selector && Object.keys(selector).length > 0
            ? (podsByNamespace.get(meta(object).namespace) ?? []).filter((pod) =>
                matches(selector, pod.metadata?.labels),
              )
            : [];
        n.children = podNodes(n.id, selected);
        return n;
      }
      case 'pods':
        return podNode(parent, object, data.names);
      default: {
        const n = node(parent, data.root, object, workloadState(data.root, object));
        n.children = podNodes(n.id, podsByOwner.get(uid) ?? []);
        return n;
      }
    }
  };

  const namespaces = new Map<string, XrayNode>();
  for (const object of list(data.root)) {
    const ns = meta(object).namespace;
    let nsNode = namespaces.get(ns);
    if (!nsNode) {
      nsNode = {
        id: `namespaces/${ns}`,
        resource: 'namespaces',
        namespace: '',
        name: ns,
        uid: '',
        status: 'ok',
        info: '',
        children: [],
      };
      namespaces.set(ns, nsNode);
    }
    nsNode.children.push(rootNode(nsNode.id, object));
  }
  const roots = [...namespaces.values()].sort(byName);
  for (const ns of roots) ns.children.sort(byName);
  return roots;
}

/** Whether labels satisfy an equality selector (a Service's). */
function matches(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
): boolean {
  for (const [key, value] of Object.entries(selector)) if (labels?.[key] !== value) return false;
  return true;
}

function deploymentState(object: KubeObject): Partial<XrayNode> {
  const replicas = num(spec(object)['replicas']);
  const available = num(status(object)['availableReplicas']);
  const unavailable = num(status(object)['unavailableReplicas']);
  const ok = available === replicas && unavailable === 0;
  return { status: ok ? 'ok' : 'toast', info: `${available}/${replicas}/${unavailable}` };
}

function replicaState(object: KubeObject): Partial<XrayNode> {
  const replicas = num(spec(object)['replicas']);
  const ready = num(status(object)['readyReplicas']);
  return { status: ready === replicas ? 'ok' : 'toast', info: `${ready}/${replicas}` };
}

function jobState(object: KubeObject): Partial<XrayNode> {
  const completions = spec(object)['completions'];
  const succeeded = num(status(object)['succeeded']);
  const conditions = (status(object)['conditions'] ?? []) as Array<{
    type?: string;
    status?: string;
  }>;
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === 'True');
  const state: XrayStatus = has('Complete') ? 'completed' : has('Failed') ? 'toast' : 'ok';
  return {
    status: state,
    info: `${succeeded}/${typeof completions === 'number' ? completions : 1}`,
  };
}

function workloadState(root: XrayRoot, object: KubeObject): Partial<XrayNode> {
  if (root === 'replicasets') return replicaState(object);
  if (root === 'jobs') return jobState(object);
  if (root === 'daemonsets') {
    const desired = num(status(object)['desiredNumberScheduled']);
    const ready = num(status(object)['numberReady']);
    return { status: ready === desired ? 'ok' : 'toast', info: `${ready}/${desired}` };
  }
  return replicaState(object);
}

interface ContainerSpec {
  name?: string;
  env?: Array<{ valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } }>;
  envFrom?: Array<{ configMapRef?: KeyRef; secretRef?: KeyRef }>;
}

interface KeyRef {
  name?: string;
  optional?: boolean;
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  state?: Record<string, { reason?: string; exitCode?: number }>;
}

/** Adds a reference node once per (resource, name) under a parent, checked for existence. */
function addRef(
  parent: XrayNode,
  resource: string,
  name: string | undefined,
  optional: boolean,
  names: XrayData['names'],
): void {
  if (!name) return;
  const id = `${parent.id}>${resource}/${name}`;
  if (parent.children.some((c) => c.id === id)) return;
  const known = names.get(resource);
  const missing = known !== undefined && !known.has(`${parent.namespace}/${name}`) && !optional;
  parent.children.push({
    id,
    resource,
    namespace: parent.namespace,
    name,
    uid: '',
    status: missing ? 'noref' : 'ok',
    info: '',
    children: [],
  });
}

function podNode(parent: string, pod: KubeObject, names: XrayData['names']): XrayNode {
  const n = node(parent, 'pods', pod);
  const podSpec = spec(pod);
  const podStatus = status(pod);
  const statuses = [
    ...((podStatus['initContainerStatuses'] ?? []) as ContainerStatus[]),
    ...((podStatus['containerStatuses'] ?? []) as ContainerStatus[]),
  ];
  const containers = [
    ...((podSpec['initContainers'] ?? []) as ContainerSpec[]),
    ...((podSpec['containers'] ?? []) as ContainerSpec[]),
  ];
  for (const container of containers) {
    const name = container.name ?? '';
    const c: XrayNode = {
      id: `${n.id}>containers/${name}`,
      resource: 'containers',
      namespace: n.namespace,
      name,
      uid: '',
      status: 'ok',
      info: containerInfo(statuses.find((s) => s.name === name)),
      children: [],
      pod: n.name,
    };
    for (const e of container.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const secret = e.valueFrom?.secretKeyRef;
      addRef(c, 'configmaps', cm?.name, cm?.optional === true, names);
      addRef(c, 'secrets', secret?.name, secret?.optional === true, names);
    }
    for (const e of container.envFrom ?? []) {
      addRef(c, 'configmaps', e.configMapRef?.name, e.configMapRef?.optional === true, names);
      addRef(c, 'secrets', e.secretRef?.name, e.secretRef?.optional === true, names);
    }
    n.children.push(c);
  }
  for (const volume of (podSpec['volumes'] ?? []) as Json[]) podVolumeRefs(n, volume, names);
  const account = podSpec['serviceAccountName'];
  if (typeof account === 'string') addRef(n, 'serviceaccounts', account, false, names);
  const regular = (podStatus['containerStatuses'] ?? []) as ContainerStatus[];
  const ready = regular.filter((s) => s.ready === true).length;
  const total = ((podSpec['containers'] ?? []) as unknown[]).length;
  n.info = `${ready}/${total}`;
  n.status = podStatus['phase'] === 'Succeeded' ? 'completed' : ready === total ? 'ok' : 'toast';
  return n;
}

function podVolumeRefs(pod: XrayNode, volume: Json, names: XrayData['names']): void {
  const secret = volume['secret'] as { secretName?: string; optional?: boolean } | undefined;
  const configMap = volume['configMap'] as KeyRef | undefined;
  const claim = volume['persistentVolumeClaim'] as { claimName?: string } | undefined;
  const projected = volume['projected'] as
    { sources?: Array<{ configMap?: KeyRef; secret?: KeyRef }> } | undefined;
  if (secret) addRef(pod, 'secrets', secret.secretName, secret.optional === true, names);
  if (configMap) addRef(pod, 'configmaps', configMap.name, configMap.optional === true, names);
  if (claim) addRef(pod, 'persistentvolumeclaims', claim.claimName, false, names);
  for (const source of projected?.sources ?? []) {
    addRef(pod, 'configmaps', source.configMap?.name, source.configMap?.optional === true, names);
    addRef(pod, 'secrets', source.secret?.name, source.secret?.optional === true, names);
  }
}

/** A container's state as the tree shows it: running, or waiting/terminated with the reason. */
function containerInfo(status: ContainerStatus | undefined): string {
  const [state, detail] = Object.entries(status?.state ?? {})[0] ?? [];
  if (!state) return '';
  return detail?.reason ? `${state}:${detail.reason}` : state;
}

/**
 * What xray keeps of each object in its caches: the metadata that links objects (owners,
 * labels), the few spec fields that name other objects (selectors, a pod's volumes, env
 * sources, service account) and the status counts it shows. A kwok pod is ~5 KB of JSON; this
 * is a few hundred bytes, so an xray of a namespace of 20,000 pods stays small.
 */
import type { KubeObject } from '../../../resources/kube-object.js';

type Json = Record<string, unknown>;

const METADATA_FIELDS = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'labels',
  'ownerReferences',
  'creationTimestamp',
  'deletionTimestamp',
];

function pick(value: unknown, fields: readonly string[]): Json {
  const from = (value ?? {}) as Json;
  const out: Json = {};
  for (const field of fields) if (from[field] !== undefined) out[field] = from[field];
  return out;
}

/** The scalar fields of an object (counts, names), without nested objects or lists. */
function scalars(value: unknown): Json {
  const out: Json = {};
  for (const [key, field] of Object.entries((value ?? {}) as Json))
    if (typeof field !== 'object' || field === null) out[key] = field;
  return out;
}

/** A container: its name and the ConfigMaps/Secrets its environment reads. */
function slimContainer(container: unknown): Json {
  const c = (container ?? {}) as { name?: string; env?: Json[]; envFrom?: Json[] };
  const env = (c.env ?? [])
    .filter((e) => e['valueFrom'] !== undefined)
    .map((e) => pick(e, ['valueFrom']));
  return { name: c.name, env, envFrom: c.envFrom ?? [] };
}

/** A container status: ready, and the state's name and reason. */
function slimContainerStatus(status: unknown): Json {
  const s = (status ?? {}) as { name?: string; ready?: boolean; state?: Json };
  const state: Json = {};
  for (const [name, detail] of Object.entries(s.state ?? {}))
    state[name] = pick(detail, ['reason', 'exitCode']);
  return { name: s.name, ready: s.ready, state };
}

const VOLUME_SOURCES = ['secret', 'configMap', 'persistentVolumeClaim', 'projected'];

function slimPodSpec(spec: Json): Json {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return {
    serviceAccountName: spec['serviceAccountName'],
    nodeName: spec['nodeName'],
    initContainers: list(spec['initContainers']).map(slimContainer),
    containers: list(spec['containers']).map(slimContainer),
    volumes: list(spec['volumes']).map((v) => pick(v, ['name', ...VOLUME_SOURCES])),
  };
}

function slimPodStatus(status: Json): Json {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return {
    phase: status['phase'],
    reason: status['reason'],
    containerStatuses: list(status['containerStatuses']).map(slimContainerStatus),
    initContainerStatuses: list(status['initContainerStatuses']).map(slimContainerStatus),
  };
}

/** Conditions by type and status only (a Job's Complete/Failed). */
function slimConditions(value: unknown): Json[] {
  return (Array.isArray(value) ? value : []).map((c) => pick(c, ['type', 'status']));
}

/** The informer transform of xray's object caches. */
export function slimObject(object: KubeObject): KubeObject {
  const spec = (object['spec'] ?? {}) as Json;
  const status = (object['status'] ?? {}) as Json;
  const metadata = pick(object.metadata, METADATA_FIELDS) as KubeObject['metadata'];
  if (Array.isArray(spec['containers']))
    return { metadata, spec: slimPodSpec(spec), status: slimPodStatus(status) };
  // Workloads and Services: counts and the selector; never the pod template.
  const slimSpec = { ...scalars(spec), selector: spec['selector'] };
  const slimStatus = { ...scalars(status), conditions: slimConditions(status['conditions']) };
  return { metadata, spec: slimSpec, status: slimStatus };
}

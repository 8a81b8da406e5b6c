/**
 * The objects kubectl debug creates (debug.go generateDebugContainer, generateNodeDebugPod,
 * generatePodCopyWithDebugContainer), built from the options and the target.
 */
import { randomInt } from 'node:crypto';
import { PlainError } from '../../errors/errors.js';
import type { DebugContainer, DebugPod, Json } from './debug-types.js';
import type { DebugStyle, KeepFlags } from './profiles.js';
import { applyProfile } from './profiles.js';

/** What the flags ask for. */
export interface DebugSpec {
  image: string;
  container: string;
  target: string;
  args: string[];
  argsOnly: boolean;
  env: Array<{ name: string; value: string }>;
  pullPolicy: string;
  interactive: boolean;
  tty: boolean;
  quiet: boolean;
  profile: string;
  keep: KeepFlags;
  copyTo: string;
  sameNode: boolean;
  /** --share-processes when given (undefined: the profile decides). */
  shareProcesses: boolean | undefined;
  setImages: Map<string, string>;
  /** Merges the --custom container after the profile. */
  custom: ((pod: DebugPod, name: string, style: DebugStyle) => void) | undefined;
}

/** utilrand.String: lower-case consonants and digits that cannot spell words. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function nameSuffix(length = 5): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHANUMS[randomInt(ALPHANUMS.length)];
  return text;
}

function allNames(pod: DebugPod): Set<string> {
  return new Set(
    [
      ...pod.spec.containers,
      ...(pod.spec.initContainers ?? []),
      ...(pod.spec.ephemeralContainers ?? []),
    ].map((c) => c.name),
  );
}

/** computeDebugContainerName: -c, else a fresh debugger-xxxxx (said on stdout unless -q). */
export function debugContainerName(
  spec: DebugSpec,
  pod: DebugPod,
  out: (text: string) => void,
): string {
  if (spec.container) return spec.container;
  const taken = allNames(pod);
  let name = '';
  while (name === '' || taken.has(name)) name = `debugger-${nameSuffix()}`;
  if (!spec.quiet) out(`Defaulting debug container name to ${name}.\n`);
  return name;
}

function commandFields(spec: DebugSpec): Json {
  if (spec.args.length === 0) return {};
  return spec.argsOnly ? { args: spec.args } : { command: spec.args };
}

/** The container fields every debug style sets, in the order kubectl's structs marshal them. */
function baseContainer(spec: DebugSpec, name: string): DebugContainer {
  return {
    name,
    ...(spec.image ? { image: spec.image } : {}),
    ...commandFields(spec),
    ...(spec.env.length > 0 ? { env: spec.env } : {}),
    resources: {},
    terminationMessagePolicy: 'File',
    ...(spec.pullPolicy ? { imagePullPolicy: spec.pullPolicy } : {}),
    ...(spec.interactive ? { stdin: true } : {}),
    ...(spec.tty ? { tty: true } : {}),
  };
}

/** The pod with the new ephemeral container appended, profile and --custom applied. */
export function podWithEphemeralContainer(
  spec: DebugSpec,
  pod: DebugPod,
  out: (text: string) => void,
): { pod: DebugPod; container: DebugContainer } {
  const name = debugContainerName(spec, pod, out);
  const copy = structuredClone(pod);
  const container: DebugContainer = {
    ...baseContainer(spec, name),
    ...(spec.target ? { targetContainerName: spec.target } : {}),
  };
  copy.spec.ephemeralContainers = [...(copy.spec.ephemeralContainers ?? []), container];
  finish(spec, copy, name, 'ephemeral');
  const added = copy.spec.ephemeralContainers.at(-1) as DebugContainer;
  return { pod: copy, container: added };
}

/** The node debugging pod: host namespaces and / at /host as the profile says, never deleted. */
export function nodeDebugPod(
  spec: DebugSpec,
  nodeName: string,
  out: (text: string) => void,
): DebugPod {
  const container = spec.container || 'debugger';
  const name = `node-debugger-${nodeName}-${nameSuffix()}`;
  if (!spec.quiet)
    out(`Creating debugging pod ${name} with container ${container} on node ${nodeName}.\n`);
  const pod: DebugPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
    spec: {
      containers: [baseContainer(spec, container)],
      nodeName,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
    },
  };
  finish(spec, pod, container, 'node');
  return pod;
}

/**
 * The copy of a pod (--copy-to): ephemeral containers dropped, the node kept only with
 * --same-node, images replaced per --set-image, a container modified (-c NAME of an existing
 * one) or added. Returns an empty container name for a --set-image-only copy (no profile then).
 */
export function podCopy(
  spec: DebugSpec,
  pod: DebugPod,
  out: (text: string) => void,
): { pod: DebugPod; container: string } {
  const source = structuredClone(pod);
  const copy: DebugPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: spec.copyTo,
      ...(source.metadata.namespace ? { namespace: source.metadata.namespace } : {}),
      ...(source.metadata.labels ? { labels: source.metadata.labels } : {}),
      ...(source.metadata.annotations ? { annotations: source.metadata.annotations } : {}),
    },
    spec: source.spec,
  };
  delete copy.spec.ephemeralContainers;
  if (spec.shareProcesses !== undefined) copy.spec.shareProcessNamespace = spec.shareProcesses;
  if (!spec.sameNode) delete copy.spec.nodeName;
  for (const c of copy.spec.containers) {
    const image = spec.setImages.get(c.name) ?? spec.setImages.get('*') ?? '';
    if (image) c.image = image;
  }
  let name = spec.container;
  let container = allContainersByName(copy).get(name);
  if (!container) {
    if (!spec.image) {
      if (spec.setImages.size > 0) return { pod: copy, container: '' };
      throw new PlainError('you must specify image when creating new container');
    }
    if (!name) name = debugContainerName(spec, copy, out);
    container = { name, terminationMessagePolicy: 'File' };
    copy.spec.containers.push(container);
  }
  if (spec.args.length > 0) {
    if (spec.argsOnly) container.args = spec.args;
    else {
      container.command = spec.args;
      delete container.args;
    }
  }
  if (spec.env.length > 0) container.env = spec.env;
  if (spec.image) container.image = spec.image;
  if (spec.pullPolicy) container.imagePullPolicy = spec.pullPolicy;
  setFlag(container, 'stdin', spec.interactive);
  setFlag(container, 'tty', spec.tty);
  finish(spec, copy, container.name, 'podCopy');
  return { pod: copy, container: name };
}

function setFlag(container: DebugContainer, key: 'stdin' | 'tty', value: boolean): void {
  if (value) container[key] = true;
  else delete container[key];
}

function allContainersByName(pod: DebugPod): Map<string, DebugContainer> {
  const byName = new Map<string, DebugContainer>();
  for (const c of [
    ...pod.spec.containers,
    ...(pod.spec.initContainers ?? []),
    ...(pod.spec.ephemeralContainers ?? []),
  ])
    byName.set(c.name, c);
  return byName;
}

function finish(spec: DebugSpec, pod: DebugPod, name: string, style: DebugStyle): void {
  applyProfile(spec.profile, spec.keep, pod, name, style);
  spec.custom?.(pod, name, style);
}

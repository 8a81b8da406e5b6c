/**
 * kubectl debug's profiles (pkg/cmd/debug/profiles.go): what each does to the debug container,
 * and to the pod, for the three styles of debugging: an ephemeral container, a copy of the
 * pod, a pod on a node.
 */
import { PlainError } from '../../errors/errors.js';
import type { DebugContainer, DebugPod } from './debug-types.js';

export type DebugStyle = 'ephemeral' | 'podCopy' | 'node';

export const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'];

/** --keep-* flags: what a pod copy keeps of the original. */
export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

/** Containers in VisitContainers order: init, regular, ephemeral. */
function allContainers(pod: DebugPod): DebugContainer[] {
  return [
    ...(pod.spec.initContainers ?? []),
    ...pod.spec.containers,
    ...(pod.spec.ephemeralContainers ?? []),
  ];
}

function withContainer(pod: DebugPod, name: string, change: (c: DebugContainer) => void): void {
  const container = allContainers(pod).find((c) => c.name === name);
  if (container) change(container);
}

function securityContext(c: DebugContainer): NonNullable<DebugContainer['securityContext']> {
  c.securityContext ??= {};
  return c.securityContext;
}

function addCapability(c: DebugContainer, capability: string): void {
  const context = securityContext(c);
  context.capabilities ??= {};
  context.capabilities.add = [...(context.capabilities.add ?? []), capability];
}

function mountRootPartition(pod: DebugPod, name: string): void {
  pod.spec.volumes = [...(pod.spec.volumes ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  // podutils.Containers: init and regular containers only
  const container = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find(
    (c) => c.name === name,
  );
  if (container)
    container.volumeMounts = [
      ...(container.volumeMounts ?? []),
      { mountPath: '/host', name: 'host-root' },
    ];
}

function useHostNamespaces(pod: DebugPod): void {
  pod.spec.hostNetwork = true;
  pod.spec.hostPID = true;
  pod.spec.hostIPC = true;
}

function shareProcessNamespace(pod: DebugPod): void {
  pod.spec.shareProcessNamespace ??= true;
}

function clearSecurityContext(pod: DebugPod, name: string): void {
  withContainer(pod, name, (c) => delete c.securityContext);
}

function removeForCopy(pod: DebugPod, keep: KeepFlags): void {
  if (!keep.labels) delete pod.metadata.labels;
  if (!keep.annotations) delete pod.metadata.annotations;
  for (const c of pod.spec.containers) {
    if (!keep.liveness) delete c.livenessProbe;
    if (!keep.readiness) delete c.readinessProbe;
    if (!keep.startup) delete c.startupProbe;
  }
  if (!keep.initContainers) delete pod.spec.initContainers;
}

/** Applies a profile to the pod that holds the debug container `name`. */
export function applyProfile(
  profile: string,
  keep: KeepFlags,
  pod: DebugPod,
  name: string,
  style: DebugStyle,
): void {
  switch (profile) {
    case 'legacy':
      if (style === 'node') {
        mountRootPartition(pod, name);
        useHostNamespaces(pod);
      } else if (style === 'podCopy') delete pod.metadata.labels;
      return;
    case 'general':
      if (style === 'node') {
        mountRootPartition(pod, name);
        clearSecurityContext(pod, name);
        useHostNamespaces(pod);
      } else {
        if (style === 'podCopy') removeForCopy(pod, keep);
        withContainer(pod, name, (c) => addCapability(c, 'SYS_PTRACE'));
        if (style === 'podCopy') shareProcessNamespace(pod);
      }
      return;
    case 'baseline':
      clearSecurityContext(pod, name);
      if (style === 'podCopy') {
        removeForCopy(pod, keep);
        shareProcessNamespace(pod);
      }
      return;
    case 'restricted':
      clearSecurityContext(pod, name);
      withContainer(pod, name, (c) => {
        const context = securityContext(c);
        context.runAsNonRoot = true;
        context.capabilities = { ...context.capabilities, drop: ['ALL'] };
        delete context.capabilities.add;
        context.allowPrivilegeEscalation = false;
        context.seccompProfile = { type: 'RuntimeDefault' };
      });
      if (style === 'podCopy') {
        removeForCopy(pod, keep);
        shareProcessNamespace(pod);
      }
      return;
    case 'netadmin':
      withContainer(pod, name, (c) => {
        addCapability(c, 'NET_ADMIN');
        addCapability(c, 'NET_RAW');
      });
      if (style === 'node') useHostNamespaces(pod);
      if (style === 'podCopy') {
        removeForCopy(pod, keep);
        shareProcessNamespace(pod);
      }
      return;
    case 'sysadmin':
      withContainer(pod, name, (c) => (securityContext(c).privileged = true));
      if (style === 'node') {
        useHostNamespaces(pod);
        mountRootPartition(pod, name);
      }
      if (style === 'podCopy') {
        removeForCopy(pod, keep);
        shareProcessNamespace(pod);
      }
      return;
    default:
      throw new PlainError(`unknown profile: ${profile}`);
  }
}

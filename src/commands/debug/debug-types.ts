/** The parts of core/v1 objects `debug` builds and changes (kept as plain JSON otherwise). */

export type Json = Record<string, unknown>;

/** A container (or the common part of an ephemeral container). */
export interface DebugContainer extends Json {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value: string }>;
  imagePullPolicy?: string;
  stdin?: boolean;
  tty?: boolean;
  terminationMessagePolicy?: string;
  targetContainerName?: string;
  securityContext?: SecurityContext;
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
}

export interface SecurityContext extends Json {
  privileged?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type: string };
}

export interface DebugPodSpec extends Json {
  containers: DebugContainer[];
  initContainers?: DebugContainer[];
  ephemeralContainers?: DebugContainer[];
  volumes?: Json[];
  nodeName?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  shareProcessNamespace?: boolean;
  securityContext?: SecurityContext;
}

export interface DebugPod extends Json {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } & Json;
  spec: DebugPodSpec;
  status?: Json;
}

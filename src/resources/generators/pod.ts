/** The Pod `kubectl run` builds (kubectl's generate/versioned BasicPod, run-pod/v1). */
import { envVarNameErrors } from './validation.js';
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';
import { goAtoi, parseLabels, parsePairs } from './parse.js';

/** Validated `ktl run` flags that shape the Pod. */
export interface RunPodParams {
  name: string;
  image: string;
  /** The raw -l value; when empty the label is run=<name>. */
  labels?: string;
  annotations?: readonly string[];
  env?: readonly string[];
  port?: string;
  restart?: string;
  imagePullPolicy?: string;
  /** Arguments after NAME (after `--`). */
  args?: readonly string[];
  /** Put args into `command` instead of `args`. */
  command?: boolean;
  stdin?: boolean;
  tty?: boolean;
  leaveStdinOpen?: boolean;
  privileged?: boolean;
}

/** parseEnvs: `NAME=value` items into EnvVars, `invalid env: X` for a bad one. */
export function parseEnvs(items: readonly string[]): KubeObject[] {
  return items.map((item) => {
    const at = item.indexOf('=');
    const name = at < 0 ? '' : item.slice(0, at);
    if (at <= 0 || envVarNameErrors(name).length > 0) throw new Error(`invalid env: ${item}`);
    return compact({ name, value: item.slice(at + 1) || undefined });
  });
}

/** The labels of a run object: the -l labels, else run=<name>. */
export function runLabels(params: Pick<RunPodParams, 'labels' | 'name'>): Record<string, string> {
  return params.labels ? parseLabels(params.labels) : { run: params.name };
}

/** The single container of a run Pod, in Go field order. */
export function runContainer(params: RunPodParams, env: KubeObject[]): KubeObject {
  const args = params.args ?? [];
  const port = params.port ? goAtoi(params.port) : undefined;
  return compact({
    name: params.name,
    image: params.image,
    command: params.command && args.length > 0 ? [...args] : undefined,
    args: !params.command && args.length > 0 ? [...args] : undefined,
    ports: port === undefined ? undefined : [{ containerPort: port }],
    env: env.length > 0 ? env : undefined,
    resources: {},
    imagePullPolicy: params.imagePullPolicy || undefined,
    securityContext: params.privileged ? { privileged: true } : undefined,
    stdin: params.stdin || undefined,
    stdinOnce: (params.stdin && !params.leaveStdinOpen) || undefined,
    tty: params.tty || undefined,
  });
}

/** Builds the Pod exactly as kubectl 1.34's run does (before overrides). */
export function generateRunPod(params: RunPodParams): KubeObject {
  const env = parseEnvs(params.env ?? []);
  const annotations = parsePairs(params.annotations ?? [], 'annotations');
  const labels = runLabels(params);
  const container = runContainer(params, env);
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: objectMeta({ name: params.name, labels, annotations }),
    spec: {
      containers: [container],
      restartPolicy: params.restart || 'Always',
      dnsPolicy: 'ClusterFirst',
    },
    status: {},
  };
}

import type { KubeObject } from '../../resources/kube-object.js';

/** Where Enter on a row leads: the pods it selects. */
export interface PodQuery {
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  title: string;
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A metav1.LabelSelector (matchLabels and matchExpressions) as a selector string. */
export function labelSelectorString(selector: {
  matchLabels?: Record<string, string>;
  matchExpressions?: Requirement[];
}): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = (req.values ?? []).join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
  }
  return parts.join(',');
}

const WORKLOADS = new Set(['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs']);

/**
 * The pods behind an object: a workload's by its selector, a Service's by its selector, a
 * Node's by spec.nodeName; undefined for types without pods.
 */
export function podsOf(resource: string, object: KubeObject): PodQuery | undefined {
  const meta = object.metadata ?? {};
  const name = meta.name ?? '';
  const namespace = meta.namespace ?? '';
  const spec = (object['spec'] ?? {}) as Record<string, unknown>;
  if (resource === 'nodes')
    return { namespace: '', fieldSelector: `spec.nodeName=${name}`, title: `node/${name}` };
  if (WORKLOADS.has(resource)) {
    const selector = labelSelectorString(
      (spec['selector'] ?? {}) as Parameters<typeof labelSelectorString>[0],
    );
    if (selector === '') return undefined;
    return { namespace, labelSelector: selector, title: `${resource}/${name}` };
  }
  if (resource === 'services' || resource === 'replicationcontrollers') {
    const selector = Object.entries((spec['selector'] ?? {}) as Record<string, string>)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    if (selector === '') return undefined;
    return { namespace, labelSelector: selector, title: `${resource}/${name}` };
  }
  return undefined;
}

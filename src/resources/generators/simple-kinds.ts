/** `create namespace`, `create serviceaccount`, `create priorityclass`, `create quota`. */
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';
import { normalizeQuantity } from './quantity.js';

/** A v1 Namespace. */
export function generateNamespace(name: string): KubeObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} };
}

/** A v1 ServiceAccount. */
export function generateServiceAccount(name: string, namespace?: string): KubeObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta({ name, namespace }) };
}

/** Flags of `create priorityclass`. */
export interface PriorityClassParams {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

/** A scheduling.k8s.io/v1 PriorityClass. */
export function generatePriorityClass(params: PriorityClassParams): KubeObject {
  return compact({
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: { name: params.name },
    value: params.value,
    globalDefault: params.globalDefault || undefined,
    description: params.description || undefined,
    preemptionPolicy: params.preemptionPolicy,
  });
}

/** Flags of `create quota`. */
export interface QuotaParams {
  name: string;
  namespace?: string;
  hard?: string;
  scopes?: string;
}

/** populateResourceListV1: `resource=quantity,...`, quantities printed canonically. */
export function parseResourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const result: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2)
      throw new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    result[parts[0] ?? ''] = normalizeQuantity(parts[1] ?? '');
  }
  return Object.fromEntries(
    Object.keys(result)
      .sort()
      .map((k) => [k, result[k] ?? '']),
  );
}

function parseScopes(spec: string): string[] | undefined {
  if (spec === '') return undefined;
  return spec.split(',').map((scope) => {
    if (scope === '') throw new Error('invalid resource quota scope ""');
    return scope;
  });
}

/** A v1 ResourceQuota. */
export function generateQuota(params: QuotaParams): KubeObject {
  const hard = parseResourceList(params.hard ?? '');
  const scopes = parseScopes(params.scopes ?? '');
  return {
    kind: 'ResourceQuota',
    apiVersion: 'v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    spec: compact({ hard, scopes }),
    status: {},
  };
}

/** `kubectl autoscale`: an autoscaling/v2 HorizontalPodAutoscaler for a scalable workload. */
import type { KubeObject } from '../kube-object.js';
import { compact } from './object.js';
import { normalizeQuantity } from './quantity.js';

/** Flags of `autoscale`. */
export interface AutoscaleParams {
  name?: string;
  min: number;
  max: number;
  cpuPercent: number;
  cpu?: string;
  memory?: string;
}

/** AutoscaleOptions.Validate. */
export function validateAutoscale(params: AutoscaleParams): void {
  if (params.max < 1)
    throw new Error(`--max=MAXPODS is required and must be at least 1, max: ${params.max}`);
  if (params.max < params.min)
    throw new Error(
      `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${params.max}, min: ${params.min}`,
    );
  if (params.cpuPercent > 0 && params.cpu)
    throw new Error('--cpu-percent and --cpu are mutually exclusive');
  if (params.cpu) metricTarget(params.cpu, 'cpu');
  if (params.memory) metricTarget(params.memory, 'memory');
}

/** parseResourceInput: `70%` targets utilisation; a quantity (bare numbers in m / Mi) targets a value. */
export function metricTarget(input: string, resource: 'cpu' | 'memory'): KubeObject {
  const text = input.trim();
  if (text === '') throw new Error('empty input');
  if (text.endsWith('%')) {
    const trimmed = text.slice(0, -1);
    const value = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!Number.isInteger(value) || value < 0 || value > 2147483647)
      throw new Error(`invalid percentage value: ${trimmed}`);
    return { type: 'Utilization', averageUtilization: value };
  }
  const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isNaN(number)) {
    const unit = resource === 'cpu' ? 'm' : 'Mi';
    return { type: 'AverageValue', averageValue: normalizeQuantity(`${goFloatG(number)}${unit}`) };
  }
  try {
    return { type: 'AverageValue', averageValue: normalizeQuantity(text) };
  } catch {
    throw new Error(`invalid resource ${resource} value: ${text}`);
  }
}

function goFloatG(value: number): string {
  const text = String(value);
  return text.includes('e') ? text.replace(/e\+?/, 'e+').replace('e+-', 'e-') : text;
}

function resourceMetric(name: string, target: KubeObject): KubeObject {
  return { type: 'Resource', resource: { name, target } };
}

/** Builds the HPA targeting `kind/name` of apiVersion. */
export function generateHpa(
  target: { apiVersion: string; kind: string; name: string },
  params: AutoscaleParams,
): KubeObject {
  const metrics: KubeObject[] = [];
  if (params.cpuPercent > 0)
    metrics.push(
      resourceMetric('cpu', { type: 'Utilization', averageUtilization: params.cpuPercent }),
    );
  if (params.cpu) metrics.push(resourceMetric('cpu', metricTarget(params.cpu, 'cpu')));
  if (params.memory) metrics.push(resourceMetric('memory', metricTarget(params.memory, 'memory')));
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata: { name: params.name || target.name },
    spec: compact({
      scaleTargetRef: { kind: target.kind, name: target.name, apiVersion: target.apiVersion },
      minReplicas: params.min > 0 ? params.min : undefined,
      maxReplicas: params.max,
      metrics: metrics.length > 0 ? metrics : undefined,
    }),
    status: { desiredReplicas: 0, currentMetrics: null },
  };
}

/** The resource metrics API (metrics.k8s.io): availability, node and pod metrics, usage sums. */
export type {
  ContainerMetrics,
  NodeMetrics,
  NodeMetricsQuery,
  PodMetrics,
  PodMetricsQuery,
  ResourceUsage,
} from './metrics-api.js';
export {
  METRICS_GROUP,
  getNodeMetrics,
  getPodMetrics,
  metricsApiAvailable,
  podUsage,
} from './metrics-api.js';
export type { PodKey, UsageFigures } from './fetch-usage.js';
export { fetchNodeUsage, fetchPodUsage } from './fetch-usage.js';
export type { Amount } from './usage.js';
export { ZERO_AMOUNT, addAmounts, amountOf, milliValue, wholeValue } from './usage.js';

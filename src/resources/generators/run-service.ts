/** The Service `kubectl run --expose` adds (kubectl's generate/versioned ServiceGeneratorV2). */
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta, sortedMap } from './object.js';
import { goAtoi, parseLabels } from './parse.js';

/** What `run --expose` passes to the service generator. */
export interface RunServiceParams {
  name: string;
  /** The raw -l value (labels of the Service, and its selector when given). */
  labels?: string;
  port: string;
}

/** Builds the ClusterIP Service for `run --expose`: selector = pod labels, port = targetPort. */
export function generateRunService(params: RunServiceParams): KubeObject {
  const selector = parseLabels(params.labels || `run=${params.name}`);
  const labels = params.labels ? parseLabels(params.labels) : undefined;
  const ports = params.port.split(',').map((text, index, all) =>
    compact({
      name: all.length > 1 ? `port-${index + 1}` : undefined,
      protocol: 'TCP',
      port: goAtoi(text),
      targetPort: goAtoi(text),
    }),
  );
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta({ name: params.name, labels }),
    spec: compact({ ports, selector: sortedMap(selector) }),
    status: { loadBalancer: {} },
  };
}

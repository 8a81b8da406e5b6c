/** `kubectl create poddisruptionbudget` (policy/v1). */
import { parseToLabelSelector } from './label-selector.js';
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';
import { parseIntOrString } from './parse.js';

/** Flags of `create pdb`. */
export interface PdbParams {
  name: string;
  namespace?: string;
  selector: string;
  minAvailable?: string;
  maxUnavailable?: string;
}

/** PodDisruptionBudgetOpts.Validate. */
export function validatePdb(params: PdbParams): void {
  const min = params.minAvailable ?? '';
  const max = params.maxUnavailable ?? '';
  if (params.selector === '') throw new Error('a selector must be specified');
  if (min === '' && max === '')
    throw new Error('one of min-available or max-unavailable must be specified');
  if (min !== '' && max !== '')
    throw new Error('min-available and max-unavailable cannot be both specified');
  if (min !== '' && !/^[0-9]+%?$/.test(min))
    throw new Error('invalid format specified for min-available');
  if (max !== '' && !/^[0-9]+%?$/.test(max))
    throw new Error('invalid format specified for max-unavailable');
}

/** Builds the PodDisruptionBudget with exactly one of minAvailable / maxUnavailable. */
export function generatePdb(params: PdbParams): KubeObject {
  const selector = parseToLabelSelector(params.selector);
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    spec: compact({
      minAvailable: params.minAvailable ? parseIntOrString(params.minAvailable) : undefined,
      selector,
      maxUnavailable:
        !params.minAvailable && params.maxUnavailable
          ? parseIntOrString(params.maxUnavailable)
          : undefined,
    }),
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  };
}

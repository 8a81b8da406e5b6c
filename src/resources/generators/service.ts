/** `kubectl create service clusterip|nodeport|loadbalancer|externalname`. */
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';
import { goAtoi } from './parse.js';
import { dns1123SubdomainErrors, portNameErrors, portNumberErrors } from './validation.js';

/** The Service types `create service` makes. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** Flags of `create service <type>`. */
export interface ServiceParams {
  name: string;
  namespace?: string;
  type: ServiceType;
  tcp: readonly string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
}

/** ServiceOptions.Validate. */
export function validateService(params: ServiceParams): void {
  if (params.clusterIP === 'None' && params.type !== 'ClusterIP')
    throw new Error('ClusterIP=None can only be used with ClusterIP service type');
  if (params.clusterIP !== 'None' && params.tcp.length === 0 && params.type !== 'ExternalName')
    throw new Error('at least one tcp port specifier must be provided');
  if (
    params.type === 'ExternalName' &&
    dns1123SubdomainErrors(params.externalName ?? '').length > 0
  )
    throw new Error(`invalid service external name ${params.externalName ?? ''}`);
}

/** utilsnet.ParsePort(s, true): 0–65535, Go's strconv.ParseUint errors. */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text))
    throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = Number(text);
  if (value > 65535)
    throw new Error(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return value;
}

/** parsePorts: `port[:target]`, the target a number or a port name. */
export function parseServicePorts(spec: string): { port: number; targetPort: number | string } {
  const [first = '', second] = spec.split(':');
  const port = parsePort(first);
  if (second === undefined) return { port, targetPort: port };
  let target: number | undefined;
  try {
    target = goAtoi(second);
  } catch {
    target = undefined;
  }
  if (target === undefined) {
    const errors = portNameErrors(second);
    if (errors.length > 0) throw new Error(errors.join(','));
    return { port, targetPort: second };
  }
  const errors = portNumberErrors(target);
  if (errors.length > 0) throw new Error(errors.join(','));
  return { port, targetPort: target };
}

/** Builds the Service: selector and labels app=<name>, one TCP port per --tcp. */
export function generateService(params: ServiceParams): KubeObject {
  const ports = params.tcp.map((spec) => {
    const { port, targetPort } = parseServicePorts(spec);
    return compact({
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port,
      targetPort,
      nodePort: params.nodePort || undefined,
    });
  });
  const labels = { app: params.name };
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace, labels }),
    spec: compact({
      ports: ports.length > 0 ? ports : undefined,
      selector: labels,
      clusterIP: params.clusterIP || undefined,
      type: params.type,
      externalName: params.externalName || undefined,
    }),
    status: { loadBalancer: {} },
  };
}

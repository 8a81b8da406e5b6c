/** `kubectl create ingress` (networking.k8s.io/v1). */
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta } from './object.js';
import { parseIntOrString } from './parse.js';

const RULE_REGEX =
  /^(?<host>[\w*\-.]*)(?<path>\/.*)=(?<svcname>[\w-]+):(?<svcport>[\w-]+)(,(?<istls>tls)=?(?<secretname>[\w-]+)?)?/;

/** Flags of `create ingress`. */
export interface IngressParams {
  name: string;
  namespace?: string;
  ingressClass?: string;
  rules: readonly string[];
  defaultBackend?: string;
  annotations: readonly string[];
}

/** CreateIngressOptions.Validate. */
export function validateIngress(params: IngressParams): void {
  if (!params.defaultBackend && params.rules.length === 0)
    throw new Error(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  for (const rule of params.rules)
    if (!RULE_REGEX.test(rule))
      throw new Error(
        `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`,
      );
  for (const annotation of params.annotations)
    if (!annotation.includes('='))
      throw new Error(`annotation ${annotation} is invalid and should be in format key=[value]`);
  if (params.defaultBackend && params.defaultBackend.split(':').length !== 2)
    throw new Error('default-backend should be in format servicename:serviceport');
}

function backend(service: string): KubeObject {
  const [name = '', port = ''] = service.split(':');
  const parsed = parseIntOrString(port);
  return {
    service: { name, port: typeof parsed === 'number' ? { number: parsed } : { name: parsed } },
  };
}

function httpPath(pathAndService: string): KubeObject {
  const [pathPart = '', service = ''] = pathAndService.split('=');
  let path = `/${pathPart}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

function tlsRules(rules: readonly string[]): KubeObject[] {
  const seenHosts = new Set<string>();
  const tls: Array<{ hosts?: string[]; secretName?: string }> = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0] ?? '';
    const secret = (parts[1] ?? '').split('=')[1] ?? '';
    const index = tls.findIndex((t) => (t.secretName ?? '') === secret);
    if (seenHosts.has(host)) continue;
    if (index > -1) {
      const entry = tls[index];
      if (entry) entry.hosts = [...(entry.hosts ?? []), host];
      seenHosts.add(host);
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') entry.hosts = [host];
    if (secret !== '') entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
    seenHosts.add(host);
  }
  return tls;
}

function ingressRules(rules: readonly string[]): KubeObject[] {
  const result: Array<{ host?: string; http: { paths: KubeObject[] } }> = [];
  for (const rule of rules) {
    const withoutTls = rule.split(',')[0] ?? '';
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const path = httpPath(withoutTls.slice(slash + 1));
    const existing = result.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else result.push(compact({ host: host || undefined, http: { paths: [path] } }));
  }
  return result;
}

/** Builds the Ingress: rules with Exact (or Prefix for a trailing `*`) paths, TLS, default backend. */
export function generateIngress(params: IngressParams): KubeObject {
  const annotations: Record<string, string> = {};
  for (const annotation of params.annotations) {
    const at = annotation.indexOf('=');
    annotations[annotation.slice(0, at)] = annotation.slice(at + 1);
  }
  const tls = tlsRules(params.rules);
  const rules = ingressRules(params.rules);
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace, annotations }),
    spec: compact({
      ingressClassName: params.ingressClass || undefined,
      defaultBackend: params.defaultBackend ? backend(params.defaultBackend) : undefined,
      tls: tls.length > 0 ? tls : undefined,
      rules: rules.length > 0 ? rules : undefined,
    }),
    status: { loadBalancer: {} },
  };
}

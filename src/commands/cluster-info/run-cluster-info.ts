import { colorAllowed } from '../../util/io-streams.js';
import type { Factory } from '../../runtime/factory.js';

interface ServiceList {
  items: Array<{
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    spec?: { ports?: Array<{ name?: string; port: number }> };
    status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
  }>;
}

type Service = ServiceList['items'][number];

/** Go's utilnet.JoinSchemeNamePort. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme !== '') return `${scheme}:${name}:${port}`;
  if (port !== '') return `${name}:${port}`;
  return name;
}

/** The URL kubectl shows for a cluster service: its load balancer, or the API server proxy. */
export function serviceLink(host: string, svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0];
  if (ingress) {
    const ip = ingress.ip || ingress.hostname || '';
    return (svc.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata.name;
  const port = svc.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    name = joinSchemeNamePort(scheme, svc.metadata.name, port.name ?? '');
  }
  return `${host}/api/v1/namespaces/${svc.metadata.namespace ?? ''}/services/${name}/proxy`;
}

/** `ktl cluster-info`: kubectl's lines, green names and yellow URLs on a terminal. */
export async function runClusterInfo(factory: Factory): Promise<void> {
  const config = await factory.restConfig();
  const client = await factory.client();
  const namespace = factory.flags.namespace || 'kube-system';
  const services = await client.json<ServiceList>({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`,
    query: { labelSelector: 'kubernetes.io/cluster-service=true' },
  });
  const color = colorAllowed(factory.streams.out, factory.env);
  const paint = (code: string, text: string): string =>
    color ? `\u001b[0;${code}m${text}\u001b[0m` : text;
  const line = (name: string, link: string): string =>
    `${paint('32', name)} is running at ${paint('33', link)}\n`;
  let text = line('Kubernetes control plane', config.host);
  for (const svc of services.items) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
    text += line(name, serviceLink(config.host, svc));
  }
  text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  factory.streams.out.write(text);
}

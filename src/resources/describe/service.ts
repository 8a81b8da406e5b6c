/** kubectl's Service describer (describeService) with endpoints from EndpointSlices. */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, num, obj, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';
import { formatLabels } from './selectors.js';

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpointSlices: up to three ready addresses, then `+ N more...` (kubectl turns "more" on
 * at the fourth endpoint even when it is not ready, which can print `+ 0 more...`).
 */
export function formatEndpointSlices(
  slices: Obj[] | undefined,
  portName: string | undefined,
): string {
  if (!slices || slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (endpoint: Obj, port?: Obj): void => {
    if (list.length === 3) more = true;
    if (obj(endpoint, 'conditions')['ready'] === false) return;
    const address = String((endpoint['addresses'] as string[] | undefined)?.[0] ?? '');
    if (!more) list.push(port ? joinHostPort(address, num(port, 'port')) : address);
    count++;
  };
  for (const slice of slices) {
    const endpoints = arr(slice, 'endpoints');
    const ports = arr(slice, 'ports');
    if (ports.length === 0) for (const ep of endpoints) add(ep);
    else
      for (const port of ports)
        if (portName === undefined || str(port, 'name') === portName)
          for (const ep of endpoints) add(ep, port);
  }
  const text = list.join(',');
  return more ? `${text} + ${count - 3} more...` : text;
}

/** describeService; related.endpointSlices are the slices labelled with the service name. */
export function describeService(service: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(service, 'metadata');
  const spec = obj(service, 'spec');
  const status = obj(service, 'status');
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  w.write(0, `Selector:\t${formatLabels(strMap(spec, 'selector'))}\n`);
  w.write(0, `Type:\t${str(spec, 'type')}\n`);
  if (str(spec, 'ipFamilyPolicy'))
    w.write(0, `IP Family Policy:\t${str(spec, 'ipFamilyPolicy')}\n`);
  const families = (spec['ipFamilies'] as string[] | undefined) ?? [];
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${str(spec, 'clusterIP')}\n`);
  const ips = (spec['clusterIPs'] as string[] | undefined) ?? [];
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  const external = (spec['externalIPs'] as string[] | undefined) ?? [];
  if (external.length > 0) w.write(0, `External IPs:\t${external.join(',')}\n`);
  if (str(spec, 'loadBalancerIP')) w.write(0, `IP:\t${str(spec, 'loadBalancerIP')}\n`);
  if (str(spec, 'loadBalancerClass'))
    w.write(0, `LoadBalancer Class:\t${str(spec, 'loadBalancerClass')}\n`);
  const ingress = arr(obj(status, 'loadBalancer'), 'ingress');
  if (ingress.length > 0)
    w.write(
      0,
      `LoadBalancer Ingress:\t${ingress.map((i) => str(i, 'ip') || str(i, 'hostname')).join(', ')}\n`,
    );
  if (str(spec, 'externalName')) w.write(0, `External Name:\t${str(spec, 'externalName')}\n`);
  for (const port of arr(spec, 'ports')) {
    const name = str(port, 'name') || '<unset>';
    const protocol = str(port, 'protocol');
    w.write(0, `Port:\t${name}\t${num(port, 'port')}/${protocol}\n`);
    w.write(0, `TargetPort:\t${String(port['targetPort'] ?? '')}/${protocol}\n`);
    if (num(port, 'nodePort') !== 0)
      w.write(0, `NodePort:\t${name}\t${num(port, 'nodePort')}/${protocol}\n`);
    w.write(
      0,
      `Endpoints:\t${formatEndpointSlices(context.related['endpointSlices'], str(port, 'name'))}\n`,
    );
  }
  w.write(0, `Session Affinity:\t${str(spec, 'sessionAffinity')}\n`);
  if (str(spec, 'externalTrafficPolicy'))
    w.write(0, `External Traffic Policy:\t${str(spec, 'externalTrafficPolicy')}\n`);
  if (str(spec, 'internalTrafficPolicy'))
    w.write(0, `Internal Traffic Policy:\t${str(spec, 'internalTrafficPolicy')}\n`);
  if (num(spec, 'healthCheckNodePort') !== 0)
    w.write(0, `HealthCheck NodePort:\t${num(spec, 'healthCheckNodePort')}\n`);
  const ranges = (spec['loadBalancerSourceRanges'] as string[] | undefined) ?? [];
  if (ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  if (str(spec, 'trafficDistribution'))
    w.write(0, `Traffic Distribution:\t${str(spec, 'trafficDistribution')}\n`);
  maybeEvents(w, context);
  return w.text();
}

/** kubectl's Ingress describer (describeIngressV1, describeBackendV1, describeIngressTLSV1). */
import type { DescribeContext } from './context.js';
import type { Obj } from './fields.js';
import { arr, num, obj, str, strMap } from './fields.js';
import { maybeEvents } from './events.js';
import { isSet } from './job.js';
import { annotationsMultiline, labelsMultiline } from './multiline.js';
import { PrefixWriter } from './prefix-writer.js';
import { formatEndpointSlices } from './service.js';

/**
 * What describing a backend service found: the service and its EndpointSlices, or the error
 * text of the request that failed (`services "x" not found`).
 */
export type BackendLookup = {
  name: string;
  service?: Obj;
  slices?: Obj[];
  error?: string;
};

/** The names of the services an Ingress refers to (default backend first), without repeats. */
export function backendServiceNames(ingress: Obj): string[] {
  const spec = obj(ingress, 'spec');
  const names = [str(obj(obj(spec, 'defaultBackend'), 'service'), 'name')];
  for (const rule of arr(spec, 'rules'))
    for (const path of arr(obj(rule, 'http'), 'paths'))
      names.push(str(obj(obj(path, 'backend'), 'service'), 'name'));
  return [...new Set(names.filter((name) => name !== ''))];
}

/** ingressLoadBalancerStatusStringerV1 (wide): the distinct IPs or hostnames, sorted. */
function address(ingress: Obj): string {
  const found = arr(obj(obj(ingress, 'status'), 'loadBalancer'), 'ingress')
    .map((i) => str(i, 'ip') || str(i, 'hostname'))
    .filter((a) => a !== '');
  return [...new Set(found)].sort().join(',');
}

function servicePortName(service: Obj, port: Obj): string {
  let name = '';
  for (const sp of arr(obj(service, 'spec'), 'ports')) {
    if (num(port, 'number') !== 0 && num(port, 'number') === num(sp, 'port'))
      name = str(sp, 'name');
    else if (str(port, 'name') !== '' && str(port, 'name') === str(sp, 'name'))
      name = str(sp, 'name');
  }
  return name;
}

function describeBackend(backend: Obj, lookups: Obj[]): string {
  if (backend['service']) {
    const service = obj(backend, 'service');
    const port = obj(service, 'port');
    const text = `${str(service, 'name')}:${num(port, 'number') !== 0 ? num(port, 'number') : str(port, 'name')}`;
    const found = lookups.find((l) => str(l, 'name') === str(service, 'name')) as
      BackendLookup | undefined;
    if (!found || found.error !== undefined)
      return `${text} (<error: ${found?.error ?? 'not looked up'}>)`;
    const endpoints = formatEndpointSlices(
      found.slices,
      servicePortName(found.service ?? {}, port),
    );
    return `${text} (${endpoints})`;
  }
  if (backend['resource']) {
    const resource = obj(backend, 'resource');
    const group = !isSet(resource['apiGroup']) ? '<none>' : str(resource, 'apiGroup');
    return `APIGroup: ${group}, Kind: ${str(resource, 'kind')}, Name: ${str(resource, 'name')}`;
  }
  return '';
}

function rules(w: PrefixWriter, spec: Obj, lookups: Obj[], defaultText: string): void {
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of arr(spec, 'rules')) {
    if (!rule['http']) continue;
    count++;
    w.write(1, `${str(rule, 'host') || '*'}\t\n`);
    for (const path of arr(obj(rule, 'http'), 'paths'))
      w.write(2, `\t${str(path, 'path')} \t${describeBackend(obj(path, 'backend'), lookups)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultText}\n`);
}

/** The Ingress describer; related.backends are BackendLookups of the services it names. */
export function describeIngress(ingress: Obj, context: DescribeContext): string {
  const w = new PrefixWriter();
  const metadata = obj(ingress, 'metadata');
  const spec = obj(ingress, 'spec');
  const lookups = context.related['backends'] ?? [];
  w.write(0, `Name:\t${str(metadata, 'name')}\n`);
  labelsMultiline(w, 'Labels', strMap(metadata, 'labels'));
  w.write(0, `Namespace:\t${str(metadata, 'namespace')}\n`);
  w.write(0, `Address:\t${address(ingress)}\n`);
  const className = isSet(spec['ingressClassName']) ? str(spec, 'ingressClassName') : '<none>';
  w.write(0, `Ingress Class:\t${className}\n`);
  const defaultText = spec['defaultBackend']
    ? describeBackend(obj(spec, 'defaultBackend'), lookups)
    : '<default>';
  w.write(0, `Default backend:\t${defaultText}\n`);
  const tls = arr(spec, 'tls');
  if (tls.length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of tls) {
      const hosts = ((t['hosts'] as string[] | undefined) ?? []).join(',');
      if (str(t, 'secretName') === '') w.write(1, `SNI routes ${hosts}\n`);
      else w.write(1, `${str(t, 'secretName')} terminates ${hosts}\n`);
    }
  }
  rules(w, spec, lookups, defaultText);
  annotationsMultiline(w, 'Annotations', strMap(metadata, 'annotations'));
  maybeEvents(w, context);
  return w.text();
}

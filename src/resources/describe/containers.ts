/** kubectl's describeContainers and its parts (describe.go). */
import type { PrefixWriter } from './prefix-writer.js';
import type { Obj } from './fields.js';
import { arr, goList, num, obj, orNone, printBool, rfc1123z, str } from './fields.js';

function ports(container: Obj, key: 'containerPort' | 'hostPort'): string {
  return arr(container, 'ports')
    .map((p) => {
      const base = `${num(p, key)}/${str(p, 'protocol')}`;
      return str(p, 'name') ? `${base} (${str(p, 'name')})` : base;
    })
    .join(', ');
}

function basicInfo(w: PrefixWriter, container: Obj, status: Obj | undefined, space: string): void {
  w.write(1, `${space ? ' ' : ''}${str(container, 'name')}:\n`);
  if (status) w.write(2, `Container ID:\t${str(status, 'containerID')}\n`);
  w.write(2, `Image:\t${str(container, 'image')}\n`);
  if (status) w.write(2, `Image ID:\t${str(status, 'imageID')}\n`);
  const portText = ports(container, 'containerPort');
  if (portText.includes(',')) w.write(2, `Ports:\t${portText}\n`);
  else w.write(2, `Port:\t${orNone(portText)}\n`);
  const hostText = ports(container, 'hostPort');
  if (hostText.includes(',')) w.write(2, `Host Ports:\t${hostText}\n`);
  else w.write(2, `Host Port:\t${orNone(hostText)}\n`);
  if (str(container, 'restartPolicy'))
    w.write(2, `Restart Policy:\t${str(container, 'restartPolicy')}\n`);
}

function command(w: PrefixWriter, container: Obj): void {
  for (const [key, title] of [
    ['command', 'Command'],
    ['args', 'Args'],
  ] as const) {
    const values = (container[key] as string[] | undefined) ?? [];
    if (values.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const value of values)
      for (const line of String(value).split('\n')) w.write(3, `${line}\n`);
  }
}

function state(w: PrefixWriter, title: string, value: Obj): void {
  const running = value['running'] ? obj(value, 'running') : undefined;
  const waiting = value['waiting'] ? obj(value, 'waiting') : undefined;
  const terminated = value['terminated'] ? obj(value, 'terminated') : undefined;
  if (running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(str(running, 'startedAt'))}\n`);
  } else if (waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (str(waiting, 'reason')) w.write(3, `Reason:\t${str(waiting, 'reason')}\n`);
  } else if (terminated) {
    w.write(2, `${title}:\tTerminated\n`);
    if (str(terminated, 'reason')) w.write(3, `Reason:\t${str(terminated, 'reason')}\n`);
    if (str(terminated, 'message')) w.write(3, `Message:\t${str(terminated, 'message')}\n`);
    w.write(3, `Exit Code:\t${num(terminated, 'exitCode')}\n`);
    if (num(terminated, 'signal') > 0) w.write(3, `Signal:\t${num(terminated, 'signal')}\n`);
    w.write(3, `Started:\t${rfc1123z(str(terminated, 'startedAt'))}\n`);
    w.write(3, `Finished:\t${rfc1123z(str(terminated, 'finishedAt'))}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

/** describeResources: Limits then Requests, names sorted. */
export function describeResources(w: PrefixWriter, resources: Obj, level: number): void {
  for (const [key, title] of [
    ['limits', 'Limits'],
    ['requests', 'Requests'],
  ] as const) {
    const values = obj(resources, key);
    const names = Object.keys(values).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${String(values[name])}\n`);
  }
}

function intOrString(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** DescribeProbe. */
export function describeProbe(probe: Obj): string {
  const attrs = `delay=${num(probe, 'initialDelaySeconds')}s timeout=${num(probe, 'timeoutSeconds')}s period=${num(probe, 'periodSeconds')}s #success=${num(probe, 'successThreshold')} #failure=${num(probe, 'failureThreshold')}`;
  if (probe['exec']) return `exec ${goList(obj(probe, 'exec')['command'])} ${attrs}`;
  if (probe['httpGet']) {
    const get = obj(probe, 'httpGet');
    const port = intOrString(get['port']);
    const host = str(get, 'host');
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    return `http-get ${str(get, 'scheme').toLowerCase()}://${hostPort}${str(get, 'path')} ${attrs}`;
  }
  if (probe['tcpSocket']) {
    const tcp = obj(probe, 'tcpSocket');
    return `tcp-socket ${str(tcp, 'host')}:${intOrString(tcp['port'])} ${attrs}`;
  }
  if (probe['grpc']) {
    const grpc = obj(probe, 'grpc');
    return `grpc <pod>:${num(grpc, 'port')} ${str(grpc, 'service')} ${attrs}`;
  }
  return `unknown ${attrs}`;
}

function probes(w: PrefixWriter, container: Obj): void {
  for (const [key, title] of [
    ['livenessProbe', 'Liveness'],
    ['readinessProbe', 'Readiness'],
    ['startupProbe', 'Startup'],
  ] as const)
    if (container[key]) w.write(2, `${title}:\t${describeProbe(obj(container, key))}\n`);
}

function envFrom(w: PrefixWriter, container: Obj): void {
  const sources = arr(container, 'envFrom');
  if (sources.length === 0) return;
  w.write(2, 'Environment Variables from:\n');
  for (const source of sources) {
    const ref = source['configMapRef'] ? obj(source, 'configMapRef') : obj(source, 'secretRef');
    const from = source['configMapRef'] ? 'ConfigMap' : source['secretRef'] ? 'Secret' : '';
    const optional = ref['optional'] === true;
    const prefix = str(source, 'prefix');
    const what = prefix ? `${from} with prefix '${prefix}'` : from;
    w.write(3, `${str(ref, 'name')}\t${what}\tOptional: ${optional}\n`);
  }
}

function envVars(w: PrefixWriter, container: Obj): void {
  const env = arr(container, 'env');
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e, 'name');
    const from = e['valueFrom'] ? obj(e, 'valueFrom') : undefined;
    if (!from) {
      str(e, 'value')
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    if (from['fieldRef']) {
      const ref = obj(from, 'fieldRef');
      w.write(3, `${name}:\t (${str(ref, 'apiVersion')}:${str(ref, 'fieldPath')})\n`);
    } else if (from['resourceFieldRef']) {
      const resource = str(obj(from, 'resourceFieldRef'), 'resource');
      w.write(3, `${name}:\t${resourceValue(container, resource)} (${resource})\n`);
    } else if (from['secretKeyRef']) {
      const ref = obj(from, 'secretKeyRef');
      w.write(
        3,
        `${name}:\t<set to the key '${str(ref, 'key')}' in secret '${str(ref, 'name')}'>\tOptional: ${ref['optional'] === true}\n`,
      );
    } else if (from['configMapKeyRef']) {
      const ref = obj(from, 'configMapKeyRef');
      w.write(
        3,
        `${name}:\t<set to the key '${str(ref, 'key')}' of config map '${str(ref, 'name')}'>\tOptional: ${ref['optional'] === true}\n`,
      );
    }
  }
}

function resourceValue(container: Obj, resource: string): string {
  const [section = '', name = ''] = resource.split('.');
  const value = obj(obj(container, 'resources'), section)[name];
  if (value === undefined)
    return resource === 'limits.cpu' || resource === 'limits.memory' ? 'node allocatable' : '0';
  return String(value);
}

function mounts(w: PrefixWriter, container: Obj): void {
  const list = [...arr(container, 'volumeMounts')].sort((a, b) =>
    str(a, 'mountPath') < str(b, 'mountPath') ? -1 : 1,
  );
  w.write(2, `Mounts:${list.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of list) {
    const flags = [m['readOnly'] === true ? 'ro' : 'rw'];
    if (str(m, 'subPath')) flags.push(`path=${JSON.stringify(str(m, 'subPath'))}`);
    w.write(3, `${str(m, 'mountPath')} from ${str(m, 'name')} (${flags.join(',')})\n`);
  }
  const devices = arr(container, 'volumeDevices');
  if (devices.length > 0) {
    w.write(2, 'Devices:\n');
    for (const d of devices) w.write(3, `${str(d, 'devicePath')} from ${str(d, 'name')}\n`);
  }
}

/** describeContainers: the section title, then each container with its status when known. */
export function describeContainers(
  w: PrefixWriter,
  title: string,
  containers: Obj[],
  statuses: Obj[] | undefined,
  space: string,
): void {
  w.write(0, `${space}${title}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = statuses?.find((s) => str(s, 'name') === str(container, 'name'));
    basicInfo(w, container, status, space);
    command(w, container);
    if (status) {
      state(w, 'State', obj(status, 'state'));
      const last = obj(status, 'lastState');
      if (last['terminated']) state(w, 'Last State', last);
      w.write(2, `Ready:\t${printBool(status['ready'])}\n`);
      w.write(2, `Restart Count:\t${num(status, 'restartCount')}\n`);
    }
    describeResources(w, obj(container, 'resources'), 2);
    probes(w, container);
    envFrom(w, container);
    envVars(w, container);
    mounts(w, container);
  }
}

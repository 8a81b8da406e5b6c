import { PlainError } from '../../errors/errors.js';
import type { WorkloadObject } from '../../resources/pods/pod-for-object.js';
import type { Pod } from '../../resources/pods/pod-types.js';

/** One `[LOCAL:]REMOTE` argument after resolution: local 0 means "pick a free port". */
export interface PortMapping {
  local: number;
  remote: number;
}

/** kubectl's splitPort: `a:b` → [a, b], `a` → [a, a]. */
export function splitPort(arg: string): [string, string] {
  const parts = arg.split(':');
  if (parts.length === 2) return [parts[0] ?? '', parts[1] ?? ''];
  return [parts[0] ?? '', parts[0] ?? ''];
}

/** A container port by name (LookupContainerPortNumberByName). */
export function containerPortByName(pod: Pod, name: string): number {
  for (const container of pod.spec.containers) {
    const port = container.ports?.find((p) => p.name === name);
    if (port) return port.containerPort;
  }
  throw new PlainError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** Resolves named remote ports of a pod (convertPodNamedPortToNumber). */
export function podPortArgs(args: readonly string[], pod: Pod): string[] {
  return args.map((arg) => {
    const [local, remote] = splitPort(arg);
    if (/^\d+$/.test(remote)) return arg;
    const number = String(containerPortByName(pod, remote));
    return local === remote ? number : `${local}:${number}`;
  });
}

/** Maps service ports to the pod's target ports (translateServicePortToTargetPort). */
export function servicePortArgs(args: readonly string[], svc: WorkloadObject, pod: Pod): string[] {
  const ports = svc.spec?.ports ?? [];
  const name = svc.metadata.name;
  return args.map((arg) => {
    const [givenLocal, remote] = splitPort(arg);
    let local = givenLocal;
    let portNumber = Number(remote);
    if (!/^\d+$/.test(remote)) {
      const named = ports.find((p) => p.name === remote);
      if (!named) throw new PlainError(`Service '${name}' does not have a named port '${remote}'`);
      portNumber = named.port;
      if (local === remote) local = String(portNumber);
    }
    const spec = ports.find((p) => p.port === portNumber);
    if (!spec) throw new PlainError(`Service ${name} does not have a service port ${portNumber}`);
    let target = portNumber;
    if (svc.spec?.clusterIP === 'None') target = portNumber;
    else if (typeof spec.targetPort === 'string')
      target = containerPortByName(pod, spec.targetPort);
    else if (spec.targetPort) target = spec.targetPort;
    return local !== String(target) ? `${local}:${target}` : String(target);
  });
}

/** Parses resolved `[LOCAL:]REMOTE` arguments into numbers, with kubectl's errors. */
export function parsePortMappings(args: readonly string[]): PortMapping[] {
  return args.map((arg) => {
    const [local, remote] = splitPort(arg);
    const remoteNumber = Number(remote);
    if (!/^\d+$/.test(remote) || remoteNumber < 1 || remoteNumber > 65535)
      throw new PlainError(`Error parsing remote port '${remote}': invalid port`);
    if (local === '') return { local: 0, remote: remoteNumber };
    const localNumber = Number(local);
    if (!/^\d+$/.test(local) || localNumber > 65535)
      throw new PlainError(`Error parsing local port '${local}': invalid port`);
    return { local: localNumber, remote: remoteNumber };
  });
}

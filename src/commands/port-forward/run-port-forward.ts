import type { Socket } from 'node:net';
import { parseGoDuration } from '../../config/duration.js';
import { PlainError, UsageError } from '../../errors/errors.js';
import { mostActiveFirst } from '../../resources/pods/pod-order.js';
import { podForObject } from '../../resources/pods/pod-for-object.js';
import { resolveObjectRef } from '../../resources/pods/object-ref.js';
import type { Factory } from '../../runtime/factory.js';
import {
  bindListeners,
  forwardConnection,
  listenHosts,
} from '../../transport/port-forward-listeners.js';
import type { PortMapping } from './port-mapping.js';
import { parsePortMappings, podPortArgs, servicePortArgs } from './port-mapping.js';
import { klogLine } from '../../util/klog.js';

/** `ktl port-forward TYPE/NAME [LOCAL:]REMOTE...`: serves until interrupted. */
export async function runPortForward(
  factory: Factory,
  args: string[],
  flags: PortForwardFlags,
): Promise<void> {
  if (args.length < 1)
    throw new UsageError(
      'TYPE/NAME and list of ports are required for port-forward',
      'ktl port-forward',
    );
  if (args.length < 2)
    throw new UsageError('at least 1 PORT is required for port-forward', 'ktl port-forward');
  const [target = '', ...portArgs] = args;
  const hosts = listenHosts(flags.address);
  const { namespace } = await factory.namespace();
  const client = await factory.client();
  const ref = await resolveObjectRef(factory, target);
  const timeoutMs = parseGoDuration(flags.podRunningTimeout) ?? 60_000;
  const { pod, object } = await podForObject(client, namespace, ref, {
    order: mostActiveFirst,
    timeoutMs,
    action: 'cannot attach to',
  });
  const resolved =
    ref.mapping.group === '' && ref.mapping.kind === 'Service'
      ? servicePortArgs(portArgs, object, pod)
      : podPortArgs(portArgs, pod);
  const mappings = parsePortMappings(resolved);
  if (pod.status?.phase !== 'Running') {
    throw new PlainError(
      `unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`,
    );
  }
  const dialer = await factory.streamDialer();
  const { out, err } = factory.streams;
  let failure: ((error: Error) => void) | undefined;
  const failed = new Promise<never>((_, reject) => (failure = reject));
  const onSocket = (mapping: PortMapping, localPort: number, socket: Socket): void => {
    out.write(`Handling connection for ${localPort}\n`);
    forwardConnection(dialer, namespace, pod.metadata.name, mapping.remote, socket).catch(
      (error: Error) => {
        const text = `an error occurred forwarding ${localPort} -> ${mapping.remote}: ${error.message.trimEnd()}`;
        err.write(
          klogLine('E', 'portforward.go:424', `"Unhandled Error" err=${JSON.stringify(text)}`),
        );
        socket.destroy();
        failure?.(new PlainError('lost connection to pod'));
      },
    );
  };
  const bound = await bindListeners(mappings, hosts, onSocket);
  for (const { mapping, listeners } of bound) {
    for (const listener of listeners)
      out.write(`Forwarding from ${listener.display} -> ${mapping.remote}\n`);
  }
  try {
    await failed;
  } finally {
    for (const { listeners } of bound) for (const l of listeners) l.server.close();
  }
}

/** Options of `ktl port-forward`. */
export interface PortForwardFlags {
  address: string[];
  podRunningTimeout: string;
}

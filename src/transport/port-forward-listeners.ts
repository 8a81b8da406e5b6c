import net from 'node:net';
import type { Socket } from 'node:net';
import { PlainError } from '../errors/errors.js';
import { pipePortForward } from './stream-protocol-portforward.js';
import { PORT_FORWARD_PROTOCOLS } from './stream-protocol.js';
import type { StreamDialer } from './websocket-dial.js';
import { dialWebSocket } from './websocket-dial.js';

/** A local port forwarded to a remote one: local 0 means "pick a free port". */
export interface PortMapping {
  local: number;
  remote: number;
}

/** A bound local listener for one port mapping. */
export interface BoundListener {
  server: net.Server;
  /** The local port actually bound (differs from the request when it was 0). */
  port: number;
  /** e.g. 127.0.0.1:8080 or [::1]:8080, as kubectl prints it. */
  display: string;
}

/** kubectl's listen addresses: "localhost" means both 127.0.0.1 and ::1. */
export function listenHosts(addresses: readonly string[]): string[] {
  const hosts = addresses.flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '::1'] : [a]));
  for (const host of hosts) {
    if (net.isIP(host) === 0) throw new PlainError(`${host} is not a valid IP`);
  }
  return [...new Set(hosts)];
}

function listenOn(host: string, port: number, onSocket: (s: Socket) => void): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer(onSocket);
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: net.isIPv6(host) }, () => resolve(server));
  });
}

/**
 * Binds every mapping on every host. A mapping with local port 0 gets the port the first host
 * chose, so all hosts share it. Fails (as kubectl does) only when a mapping bound nowhere.
 */
export async function bindListeners(
  mappings: readonly PortMapping[],
  hosts: readonly string[],
  onSocket: (mapping: PortMapping, localPort: number, socket: Socket) => void,
): Promise<Array<{ mapping: PortMapping; listeners: BoundListener[] }>> {
  const result: Array<{ mapping: PortMapping; listeners: BoundListener[] }> = [];
  for (const mapping of mappings) {
    let port = mapping.local;
    const listeners: BoundListener[] = [];
    const errors: string[] = [];
    for (const host of hosts) {
      try {
        const bound = port;
        const server = await listenOn(host, bound, (socket) => onSocket(mapping, port, socket));
        const address = server.address() as net.AddressInfo;
        port = address.port;
        const shown = net.isIPv6(host) ? `[${host}]` : host;
        listeners.push({ server, port, display: `${shown}:${port}` });
      } catch (error) {
        const family = net.isIPv6(host) ? 'tcp6' : 'tcp4';
        const shown = net.isIPv6(host) ? `[${host}]` : host;
        errors.push(
          `unable to create listener: Error listen ${family} ${shown}:${port}: ${(error as Error).message}`,
        );
      }
    }
    if (listeners.length === 0) {
      throw new PlainError(
        `Unable to listen on port ${mapping.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\nerror: unable to listen on any of the requested ports: [{${mapping.local} ${mapping.remote}}]`,
      );
    }
    result.push({ mapping, listeners });
  }
  return result;
}

/**
 * Joins one accepted local connection to a pod's port: one port-forward WebSocket per
 * connection, as kubectl opens one stream pair per connection.
 */
export async function forwardConnection(
  dialer: StreamDialer,
  namespace: string,
  pod: string,
  remotePort: number,
  socket: Socket,
): Promise<void> {
  socket.pause();
  const connection = await dialWebSocket(dialer, {
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/portforward`,
    query: new URLSearchParams({ ports: String(remotePort) }),
    protocols: [...PORT_FORWARD_PROTOCOLS],
  });
  socket.resume();
  await pipePortForward(connection, socket);
}

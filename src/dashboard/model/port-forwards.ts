/**
 * The port-forwards the dashboard holds (k9s's `shift-f`, listed by `:pf`): each a set of
 * local listeners whose connections go to one port of one pod, until stopped or the dashboard
 * (or its context) closes.
 */
import type { Socket } from 'node:net';
import type { BoundListener } from '../../transport/port-forward-listeners.js';
import {
  bindListeners,
  forwardConnection,
  listenHosts,
} from '../../transport/port-forward-listeners.js';
import type { StreamDialer } from '../../transport/websocket-dial.js';

/** What to forward. */
export interface ForwardRequest {
  namespace: string;
  pod: string;
  container: string;
  remotePort: number;
  /** 0: any free port. */
  localPort: number;
  /** kubectl's --address: `localhost` (127.0.0.1 and ::1) or IP addresses, comma-separated. */
  address: string;
  /** What the user forwarded from (`pods/web-1`, `deployments/web`). */
  from: string;
}

/** A forward being held. */
export interface ActiveForward extends ForwardRequest {
  /** `namespace/pod:local:remote`: unique while it runs. */
  id: string;
  startedAt: Date;
  /** Connections accepted so far. */
  connections: number;
  /** The last connection's failure ('' when none failed). */
  lastError: string;
  /** Where it listens (`127.0.0.1:8080`). */
  listening: string[];
}

interface Held {
  forward: ActiveForward;
  listeners: BoundListener[];
  sockets: Set<Socket>;
}

/** The forwards of one context's session. */
export class PortForwards {
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<() => void>();

  /** A connection failed: the dashboard puts it on the message line. */
  onError: (text: string) => void = () => undefined;

  constructor(private readonly dialer: () => Promise<StreamDialer>) {}

  /** Called on every change (a forward started or stopped, a connection came in). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): ActiveForward[] {
    return [...this.held.values()].map((h) => h.forward);
  }

  /** Binds the local ports and starts forwarding; rejects when nothing could be bound. */
  async start(request: ForwardRequest): Promise<ActiveForward> {
    const hosts = listenHosts(request.address.split(',').map((a) => a.trim()));
    const dialer = await this.dialer();
    const sockets = new Set<Socket>();
    // Filled in once the listeners are bound (their port decides the id).
    const forward: ActiveForward = {
      ...request,
      id: '',
      startedAt: new Date(),
      connections: 0,
      lastError: '',
      listening: [],
    };
    const onSocket = (_mapping: unknown, localPort: number, socket: Socket): void => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      forward.connections++;
      this.changed();
      const { namespace, pod, remotePort } = request;
      forwardConnection(dialer, namespace, pod, remotePort, socket).catch((error: Error) => {
        socket.destroy();
        const text = `port-forward ${localPort} -> ${remotePort}: ${error.message.trim()}`;
        forward.lastError = text;
        this.onError(text);
        this.changed();
      });
    };
    const mapping = { local: request.localPort, remote: request.remotePort };
    const [bound] = await bindListeners([mapping], hosts, onSocket);
    const listeners = bound?.listeners ?? [];
    forward.localPort = listeners[0]?.port ?? request.localPort;
    forward.id = `${request.namespace}/${request.pod}:${forward.localPort}:${request.remotePort}`;
    forward.listening = listeners.map((l) => l.display);
    this.held.set(forward.id, { forward, listeners, sockets });
    this.changed();
    return forward;
  }

  /** Stops a forward: its listeners close and its open connections end. */
  stop(id: string): boolean {
    const held = this.held.get(id);
    if (!held) return false;
    this.held.delete(id);
    for (const listener of held.listeners) listener.server.close();
    for (const socket of held.sockets) socket.destroy();
    this.changed();
    return true;
  }

  stopAll(): void {
    for (const id of [...this.held.keys()]) this.stop(id);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

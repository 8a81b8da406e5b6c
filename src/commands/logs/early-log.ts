import type { IncomingMessage } from 'node:http';
import type { HttpClient } from '../../transport/http-client.js';
import type { Pod } from '../../resources/pods/pod-types.js';
import type { LogTarget } from './log-targets.js';
import { openLog } from './log-stream.js';

/**
 * `logs POD`: the log asked for alongside the pod, which kubectl reads first to pick the
 * container. With -c the request is kubectl's own; without, it names no container, and the
 * server then reads the pod's only container, which is kubectl's pick too when the pod has one
 * container (no annotation can name another). Used only when it reads the container kubectl
 * picked from the pod; else it is dropped and the log asked for again, as is a failed early
 * request (so an error is the one kubectl's request gets). The response is not read until
 * then: a long log waits in the connection, not in memory.
 */
export class EarlyLog {
  private readonly response: Promise<IncomingMessage | undefined>;
  private taken = false;

  constructor(
    client: HttpClient,
    private readonly target: { namespace: string; pod: string; container?: string },
    query: Record<string, string>,
  ) {
    this.response = openLog(client, target, query).catch(() => undefined);
  }

  /** The early response if it reads target's container of pod; undefined otherwise. */
  async take(pod: Pod, target: LogTarget): Promise<IncomingMessage | undefined> {
    if (this.taken || !this.reads(pod, target)) return undefined;
    this.taken = true;
    return this.response;
  }

  /** Closes the early response unless it was taken. */
  discard(): void {
    if (this.taken) return;
    this.taken = true;
    void this.response.then((response) => response?.destroy());
  }

  private reads(pod: Pod, target: LogTarget): boolean {
    const early = this.target;
    if (target.pod !== early.pod || target.namespace !== early.namespace) return false;
    if (pod.metadata.name !== early.pod) return false;
    if (early.container !== undefined) return target.container === early.container;
    const [only, ...others] = pod.spec.containers;
    return only !== undefined && others.length === 0 && only.name === target.container;
  }
}

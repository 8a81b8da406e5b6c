import type { HttpClient } from '../../transport/http-client.js';
import { FrameScheduler } from './frame-scheduler.js';
import { RingBuffer } from './ring-buffer.js';

/** One container's log. */
export interface LogSource {
  namespace: string;
  pod: string;
  container: string;
}

/** How the logs are asked for (k9s's log options). */
export interface LogOptions {
  /** The previous instance of the container (it restarted). */
  previous: boolean;
  timestamps: boolean;
  /** Lines of history to start with (the tail window); undefined: every line. */
  tailLines?: number;
  /** Only lines from the last N seconds (1m … 1h windows). */
  sinceSeconds?: number;
}

/** The phase of a log stream, shown in the log view's title. */
export type LogPhase = 'connecting' | 'streaming' | 'ended' | 'failed';

/**
 * Follows the logs of one or more containers into one bounded buffer (k9s grew to 30 GB
 * without one), each line prefixed with its pod/container when there are several, and tells
 * its listener at most ten times a second.
 */
export class LogStream {
  readonly lines: RingBuffer<string>;
  phase: LogPhase = 'connecting';
  error = '';
  private readonly controller = new AbortController();
  private readonly frames: FrameScheduler;

  constructor(
    private readonly client: HttpClient,
    readonly sources: readonly LogSource[],
    readonly options: LogOptions,
    onUpdate: () => void,
    capacity = 5000,
  ) {
    this.lines = new RingBuffer<string>(capacity);
    this.frames = new FrameScheduler(onUpdate);
  }

  /** Starts following every source; never throws (failures end up in `phase` and `error`). */
  async run(): Promise<void> {
    const prefixed = this.sources.length > 1;
    const results = await Promise.allSettled(this.sources.map((s) => this.follow(s, prefixed)));
    if (this.controller.signal.aborted) return;
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed && results.every((r) => r.status === 'rejected')) {
      const reason: unknown = failed.reason;
      this.error = reason instanceof Error ? reason.message : String(reason);
      this.setPhase('failed');
    } else this.setPhase('ended');
  }

  /** Stops following. */
  stop(): void {
    this.controller.abort();
    this.frames.cancel();
  }

  private async follow(source: LogSource, prefixed: boolean): Promise<void> {
    const { namespace, pod, container } = source;
    const { previous, timestamps, tailLines, sinceSeconds } = this.options;
    const prefix = prefixed ? `[${pod}/${container}] ` : '';
    try {
      const stream = await this.client.stream({
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
        query: {
          container,
          follow: previous ? undefined : 'true',
          previous: previous ? 'true' : undefined,
          timestamps: timestamps ? 'true' : undefined,
          tailLines,
          sinceSeconds,
        },
        accept: '*/*',
        signal: this.controller.signal,
        noTimeoutParam: true,
      });
      this.setPhase('streaming');
      let partial = '';
      for await (const chunk of stream) {
        const text =
          partial + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
        const parts = text.split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) this.lines.push(prefix + line);
        this.frames.schedule();
      }
      if (partial !== '') this.lines.push(prefix + partial);
    } catch (error) {
      if (!this.controller.signal.aborted && prefixed) {
        const why = error instanceof Error ? error.message : String(error);
        this.lines.push(`${prefix}(log unavailable: ${why.split('\n')[0] ?? ''})`);
        this.frames.schedule();
      }
      throw error;
    }
  }

  private setPhase(phase: LogPhase): void {
    this.phase = phase;
    this.frames.schedule();
  }
}

/** The container names of a pod (init containers last), for the `c` container choice. */
export function containerNames(pod: {
  spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] };
}): string[] {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
}

import type { HttpClient } from '../../transport/http-client.js';
import { FrameScheduler } from './frame-scheduler.js';
import { RingBuffer } from './ring-buffer.js';

/** Which container's log to read. */
export interface LogSource {
  namespace: string;
  pod: string;
  container: string;
  /** Lines of history to start with. */
  tailLines?: number;
}

/** The phase of a log stream, shown in the log view's title. */
export type LogPhase = 'connecting' | 'streaming' | 'ended' | 'failed';

/**
 * Follows one container's log into a bounded buffer (k9s grew to 30 GB without one), and
 * tells its listener at most ten times a second.
 */
export class LogStream {
  readonly lines: RingBuffer<string>;
  phase: LogPhase = 'connecting';
  error = '';
  private readonly controller = new AbortController();
  private readonly frames: FrameScheduler;

  constructor(
    private readonly client: HttpClient,
    readonly source: LogSource,
    onUpdate: () => void,
    capacity = 5000,
  ) {
    this.lines = new RingBuffer<string>(capacity);
    this.frames = new FrameScheduler(onUpdate);
  }

  /** Starts following; never throws (failures end up in `phase` and `error`). */
  async run(): Promise<void> {
    const { namespace, pod, container } = this.source;
    try {
      const stream = await this.client.stream({
        path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
        query: { container, follow: 'true', tailLines: this.source.tailLines ?? 500 },
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
        for (const line of parts) this.lines.push(line);
        this.frames.schedule();
      }
      if (partial !== '') this.lines.push(partial);
      this.setPhase('ended');
    } catch (error) {
      if (this.controller.signal.aborted) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.setPhase('failed');
    }
  }

  /** Stops following. */
  stop(): void {
    this.controller.abort();
    this.frames.cancel();
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

import type { IncomingMessage } from 'node:http';
import type { HttpClient } from '../../transport/http-client.js';
import type { OutputStream } from '../../util/io-streams.js';
import type { LogTarget } from './log-targets.js';

/** The REST path of a container log. */
export function logPath(target: LogTarget): string {
  return `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/log`;
}

/** kubectl's --prefix text for one container. */
export function prefixText(target: LogTarget): string {
  return `[pod/${target.pod}/${target.container}] `;
}

/**
 * Writes whole lines with a prefix in front of each (kubectl's prefixingWriter); a trailing
 * partial line is held until its newline arrives or the stream ends.
 */
export class LinePrefixer {
  private pending = '';
  constructor(
    private readonly out: OutputStream,
    private readonly prefix: string,
  ) {}

  /** Adds a chunk of log text. */
  write(chunk: string): void {
    const text = this.pending + chunk;
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline < 0) {
      this.pending = text;
      return;
    }
    const complete = text.slice(0, lastNewline + 1);
    this.pending = text.slice(lastNewline + 1);
    const lines = complete.split(/(?<=\n)/);
    this.out.write(lines.map((line) => this.prefix + line).join(''));
  }

  /** Writes a held partial line. */
  end(): void {
    if (this.pending !== '') this.out.write(this.prefix + this.pending);
    this.pending = '';
  }
}

/** Opens one container's log (the container the server picks for a pod of one, if none). */
export function openLog(
  client: HttpClient,
  target: { namespace: string; pod: string; container?: string },
  query: Record<string, string>,
  signal?: AbortSignal,
): Promise<IncomingMessage> {
  return client.stream({
    path: logPath({ container: '', ...target }),
    query: target.container === undefined ? query : { ...query, container: target.container },
    accept: '*/*',
    noTimeoutParam: query['follow'] === 'true',
    ...(signal ? { signal } : {}),
  });
}

/**
 * Streams one container's log to out, line by line with the prefix when one is given; from
 * `opened` when its request was sent already (EarlyLog).
 */
export async function streamLog(
  client: HttpClient,
  target: LogTarget,
  query: Record<string, string>,
  out: OutputStream,
  prefix: string,
  signal?: AbortSignal,
  opened?: IncomingMessage,
): Promise<void> {
  const response = opened ?? (await openLog(client, target, query, signal));
  if (prefix === '') {
    for await (const chunk of response) out.write(chunk as Buffer);
    return;
  }
  const prefixer = new LinePrefixer(out, prefix);
  response.setEncoding?.('utf8');
  for await (const chunk of response) prefixer.write(String(chunk));
  prefixer.end();
}

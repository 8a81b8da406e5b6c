import type { IncomingHttpHeaders } from 'node:http';
import { klogHeader } from '../util/klog.js';

/** Receives every request and response, for -v logging and request counting. */
export interface RequestLogger {
  request(method: string, url: URL, headers: Record<string, string>, body?: string | Buffer): void;
  response(
    method: string,
    url: URL,
    response: { status: number; headers: IncomingHttpHeaders; body: Buffer },
    ms: number,
  ): void;
}

/** Logs nothing. */
export const silentLogger: RequestLogger = { request: () => undefined, response: () => undefined };

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Masks credentials the way client-go does: only the scheme of Authorization survives. */
export function maskHeader(name: string, value: string): string {
  if (name.toLowerCase() !== 'authorization') return value;
  const scheme = value.split(' ')[0] ?? '';
  return ['Bearer', 'Basic', 'Negotiate'].includes(scheme) ? `${scheme} <masked>` : '<masked>';
}

function klogPrefix(): string {
  return klogHeader('I', 'round_trippers.go');
}

/** A body as klog quotes it, cut as client-go cuts it at -v=8 (1 KiB) and -v=9 (10 KiB). */
function quotedBody(body: string, level: number): string {
  const limit = level >= 10 ? Infinity : level >= 9 ? 10240 : 1024;
  return JSON.stringify(
    body.length > limit ? `${body.slice(0, limit)} [truncated ${body.length - limit} chars]` : body,
  );
}

/** A logger with kubectl's -v levels (6: URL and status; 7: request headers; 8: bodies). */
export function verboseLogger(level: number, write: (line: string) => void): RequestLogger {
  return {
    request(method, url, headers, body) {
      if (level < 7) return;
      const lines = Object.entries(headers).map(([k, v]) => `    ${k}: ${maskHeader(k, v)}`);
      write(
        `${klogPrefix()} "Request" verb="${method}" url="${url.href}" headers=<\n${lines.join('\n')}\n >\n`,
      );
      if (level >= 8 && body !== undefined)
        write(`${klogPrefix()} "Request Body" body=${quotedBody(body.toString(), level)}\n`);
    },
    response(method, url, response, ms) {
      const status = `${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trim();
      write(
        `${klogPrefix()} "Response" verb="${method}" url="${url.href}" status="${status}" milliseconds=${Math.round(ms)}\n`,
      );
      if (level >= 8)
        write(
          `${klogPrefix()} "Response Body" body=${quotedBody(response.body.toString('utf8'), level)}\n`,
        );
    },
  };
}

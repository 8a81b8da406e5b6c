import type { IncomingHttpHeaders } from 'node:http';

/** Receives every request and response, for -v logging and request counting. */
export interface RequestLogger {
  request(method: string, url: URL, headers: Record<string, string>): void;
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
  const now = new Date();
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const micros = pad(now.getMilliseconds(), 3) + '000';
  return `I${pad(now.getMonth() + 1)}${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}.${micros} ${String(process.pid).padStart(7)} round_trippers.go]`;
}

/** A logger with kubectl's -v levels (6: URL and status; 7: request headers; 8: bodies). */
export function verboseLogger(level: number, write: (line: string) => void): RequestLogger {
  return {
    request(method, url, headers) {
      if (level < 7) return;
      const lines = Object.entries(headers).map(([k, v]) => `    ${k}: ${maskHeader(k, v)}`);
      write(
        `${klogPrefix()} "Request" verb="${method}" url="${url.href}" headers=<\n${lines.join('\n')}\n >\n`,
      );
    },
    response(method, url, response, ms) {
      const status = `${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trim();
      write(
        `${klogPrefix()} "Response" verb="${method}" url="${url.href}" status="${status}" milliseconds=${Math.round(ms)}\n`,
      );
      if (level >= 8) {
        const limit = level >= 10 ? Infinity : level >= 9 ? 10240 : 1024;
        const body = response.body.toString('utf8');
        write(
          `${klogPrefix()} "Response Body" body=${JSON.stringify(body.length > limit ? `${body.slice(0, limit)} [truncated ${body.length - limit} chars]` : body)}\n`,
        );
      }
    },
  };
}

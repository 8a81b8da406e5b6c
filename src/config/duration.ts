import { PlainError } from '../errors/errors.js';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration ("1m30s", "500ms", "2h") into milliseconds; undefined if malformed. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let sign = 1;
  let rest = text;
  if (rest.startsWith('-')) {
    sign = -1;
    rest = rest.slice(1);
  }
  let match: RegExpExecArray | null;
  while ((match = re.exec(rest)) !== null) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
    matched = re.lastIndex;
  }
  if (matched === 0 || matched !== rest.length) return undefined;
  return sign * total;
}

/** Formats milliseconds as Go prints a time.Duration (e.g. 32s, 1m0s, 1.5s). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const secText = `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(9))}s`;
  if (hours > 0) return `${hours}h${minutes}m${secText}`;
  if (minutes > 0) return `${minutes}m${secText}`;
  if (ms < 1000) return `${ms}ms`;
  return secText;
}

/** kubectl's --request-timeout: whole seconds, or a Go duration. Returns milliseconds (0 = none). */
export function parseRequestTimeout(value: string | undefined): number {
  if (value === undefined || value === '' || value === '0') return 0;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const ms = parseGoDuration(value);
  if (ms === undefined || ms < 0) {
    throw new PlainError(
      'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
    );
  }
  return ms;
}

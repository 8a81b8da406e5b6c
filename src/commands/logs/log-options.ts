import { parseGoDuration } from '../../config/duration.js';
import { PlainError, UsageError } from '../../errors/errors.js';
import { durationFlag, intFlag } from '../../runtime/flag-values.js';

/** Lines shown per pod by default when a selector picks the pods (kubectl's selectorTail). */
export const SELECTOR_TAIL = 10;

const LOGS_USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** The validated shape of a `ktl logs` invocation. */
export interface LogsPlan {
  /** TYPE/NAME or POD, absent with -l. */
  target?: string;
  selector?: string;
  container?: string;
  allContainers: boolean;
  follow: boolean;
  prefix: boolean;
  maxLogRequests: number;
  ignoreErrors: boolean;
  podRunningTimeoutMs: number;
  /** Query parameters of each /log request except container. */
  query: Record<string, string>;
}

const COMMAND_PATH = 'ktl logs';

/** The numeric flags, read as pflag reads them when it parses the command line. */
interface NumericFlags {
  tail?: number;
  limitBytes?: number;
  maxLogRequests?: number;
  sinceMs?: number;
}

function optionalInt(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : intFlag(flag, value, COMMAND_PATH);
}

function numericFlags(flags: LogsFlags): NumericFlags {
  const numbers: NumericFlags = {};
  const tail = optionalInt(flags.tail, '--tail');
  if (tail !== undefined) numbers.tail = tail;
  const limitBytes = optionalInt(flags.limitBytes, '--limit-bytes');
  if (limitBytes !== undefined) numbers.limitBytes = limitBytes;
  const maxLogRequests = optionalInt(flags.maxLogRequests, '--max-log-requests');
  if (maxLogRequests !== undefined) numbers.maxLogRequests = maxLogRequests;
  if (flags.since !== undefined)
    numbers.sinceMs = durationFlag('--since', flags.since, COMMAND_PATH);
  return numbers;
}

/** Checks flags and arguments the way kubectl's LogsOptions Complete/Validate do. */
export function planLogs(args: readonly string[], flags: LogsFlags): LogsPlan {
  const numbers = numericFlags(flags);
  const selector = flags.selector ?? '';
  let target: string | undefined;
  let inlineContainer: string | undefined;
  if (args.length === 0 && selector === '') throw new UsageError(LOGS_USAGE, 'ktl logs');
  if (args.length === 1) {
    if (selector !== '')
      throw new UsageError('only a selector (-l) or a POD name is allowed', 'ktl logs');
    target = args[0];
  } else if (args.length === 2) {
    [target, inlineContainer] = args;
  } else if (args.length > 2) throw new UsageError(LOGS_USAGE, 'ktl logs');
  if (flags.since !== undefined && flags.sinceTime !== undefined)
    throw new PlainError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (flags.container !== undefined && inlineContainer !== undefined)
    throw new PlainError('only one of -c or an inline [CONTAINER] arg is allowed');
  const container = flags.container ?? inlineContainer;
  if (flags.allContainers && container)
    throw new PlainError(
      `--all-containers=true should not be specified with container name ${container}`,
    );
  const query = logQuery(flags, numbers, selector !== '');
  return {
    ...(target !== undefined ? { target } : {}),
    ...(selector !== '' ? { selector } : {}),
    ...(container ? { container } : {}),
    allContainers: flags.allContainers === true,
    follow: flags.follow === true,
    prefix: flags.prefix === true || flags.allPods === true,
    maxLogRequests: numbers.maxLogRequests ?? 5,
    ignoreErrors: flags.ignoreErrors === true,
    podRunningTimeoutMs: parseGoDuration(flags.podRunningTimeout) ?? 20_000,
    query,
  };
}

function logQuery(
  flags: LogsFlags,
  numbers: NumericFlags,
  bySelector: boolean,
): Record<string, string> {
  const query: Record<string, string> = {};
  const limitBytes = numbers.limitBytes;
  if (limitBytes !== undefined && limitBytes < 0)
    throw new PlainError('--limit-bytes must be greater than 0');
  if (limitBytes) query['limitBytes'] = String(limitBytes);
  let tail = numbers.tail ?? -1;
  if (tail < -1) throw new PlainError('--tail must be greater than or equal to -1');
  if (bySelector && flags.tail === undefined) tail = SELECTOR_TAIL;
  if (tail >= 0) query['tailLines'] = String(tail);
  if (numbers.sinceMs !== undefined) {
    const ms = numbers.sinceMs;
    if (ms < 0) throw new PlainError('--since must be greater than 0');
    query['sinceSeconds'] = String(Math.round(ms / 1000));
  }
  if (flags.sinceTime !== undefined) query['sinceTime'] = rfc3339(flags.sinceTime);
  if (flags.follow) query['follow'] = 'true';
  if (flags.timestamps) query['timestamps'] = 'true';
  if (flags.previous) query['previous'] = 'true';
  if (flags.insecureSkipTlsVerifyBackend) query['insecureSkipTLSVerifyBackend'] = 'true';
  return query;
}

/** Parses --since-time as RFC 3339 and renders it as metav1.Time does (UTC, seconds). */
export function rfc3339(text: string): string {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const ms = match ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) {
    throw new PlainError(
      `parsing time "${text}" as "2006-01-02T15:04:05Z07:00": cannot parse "${text}" as "2006"`,
    );
  }
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Flags of `ktl logs`, as commander hands them over. */
export interface LogsFlags {
  follow?: boolean;
  tail?: string;
  since?: string;
  sinceTime?: string;
  timestamps?: boolean;
  container?: string;
  allContainers?: boolean;
  allPods?: boolean;
  previous?: boolean;
  selector?: string;
  maxLogRequests: string;
  prefix?: boolean;
  limitBytes?: string;
  ignoreErrors?: boolean;
  podRunningTimeout: string;
  insecureSkipTlsVerifyBackend?: boolean;
}

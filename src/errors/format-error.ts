import {
  AggregateCliError,
  ApiStatusError,
  BareError,
  CliError,
  ConfigError,
  ConnectionError,
  ConnectionRefusedError,
  FlagError,
  KubercError,
  MultipleErrors,
  NoResourceTypeError,
  PluginDispatchError,
  RaisedExitCode,
  SilentExit,
  UsageError,
} from './errors.js';
import type { ApiStatus } from './errors.js';

/** What the cli layer prints on stderr for an error, and the exit code that goes with it. */
export interface FormattedError {
  text: string;
  exitCode: number;
}

/**
 * Turns any error into kubectl's wording (kubectl's cmdutil.CheckErr / StandardErrorMessage).
 * This is the one place where that wording lives.
 */
export function formatError(error: unknown, verbosity = 0): FormattedError {
  if (error instanceof SilentExit) return { text: '', exitCode: error.exitCode };
  if (error instanceof AggregateCliError) {
    const lines = dedupe(error.errors.map((e) => formatError(e, verbosity).text));
    return { text: lines.join(''), exitCode: 1 };
  }
  if (error instanceof MultipleErrors) return multipleErrorsText(error, verbosity);
  if (error instanceof RaisedExitCode) {
    const cause = formatError(error.cause, verbosity);
    return { text: cause.text, exitCode: cause.exitCode + error.by };
  }
  if (error instanceof CliError)
    return { text: ensureNewline(cliErrorText(error)), exitCode: error.exitCode };
  const base = error instanceof Error ? error.message : String(error);
  const stack = verbosity >= 4 && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return { text: ensureNewline(`error: ${base}${stack}`), exitCode: 1 };
}

function cliErrorText(error: CliError): string {
  if (error instanceof UsageError) {
    return `${error.prefix}${error.message}\nSee '${error.commandPath} -h' for help and examples`;
  }
  if (error instanceof ConfigError) {
    if (error.problems.length === 1) return `Error in configuration: ${error.problems[0]}`;
    return `Error in configuration: \n${error.problems.map((p) => `* ${p}`).join('\n')}`;
  }
  if (error instanceof FlagError) {
    const usage = error.commandPath ? `\nSee '${error.commandPath} --help' for usage.` : '';
    return `error: ${error.message}${usage}`;
  }
  if (
    error instanceof ConnectionRefusedError ||
    error instanceof ConnectionError ||
    error instanceof BareError
  )
    return error.message;
  if (error instanceof ApiStatusError) return apiStatusText(error);
  if (error instanceof NoResourceTypeError) return `error: ${error.message}`;
  if (error instanceof PluginDispatchError) return `Error: ${error.message}`;
  if (error instanceof KubercError)
    return `error occurred while applying preferences ${error.message}`;
  return `error: ${error.message}`;
}

/** One failure among several: kubectl's CheckErr of an Aggregate with more than one line. */
function multipleErrorsText(error: MultipleErrors, verbosity: number): FormattedError {
  const lines = error.errors.flatMap(linesOf);
  const [only] = error.errors;
  if (lines.length === 1 && only) return formatError(only, verbosity);
  return { text: lines.map((line) => `${line}\n`).join(''), exitCode: error.exitCode };
}

/** kubectl's messageForError: an API failure reads `Error from server (Reason): …`, others as is. */
function linesOf(error: Error): string[] {
  if ('lines' in error && Array.isArray(error.lines)) return error.lines as string[];
  if (!(error instanceof ApiStatusError)) return [error.message];
  if (error.reason === 'Unauthorized' || (error.reason === '' && error.httpCode === 401))
    return [`error: You must be logged in to the server (${error.message})`];
  if (error.reason === '') return [`Error from server: ${error.message}`];
  return [`Error from server (${error.reason}): ${error.message}`];
}

/**
 * kubectl's text for one error among others printed as they happen (apply's per-object
 * failures), without the trailing newline: `error: ` before anything but an API failure.
 */
export function errorLine(error: unknown): string {
  if (error instanceof ApiStatusError) return apiStatusText(error);
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/** kubectl's text for a failed API request. */
export function apiStatusText(error: ApiStatusError): string {
  const status = error.status;
  const reason = error.reason;
  if (reason === 'Unauthorized' || (reason === '' && error.httpCode === 401)) {
    return `error: You must be logged in to the server (${status.message ?? 'Unauthorized'})`;
  }
  if (reason === 'Invalid') return invalidText(status);
  if (reason === '') return `Error from server: ${error.message}`;
  return `Error from server (${reason}): ${error.message}`;
}

function invalidText(status: ApiStatus): string {
  const details = status.details;
  const message = status.message ?? '';
  // kubectl's CheckErr: details with neither kind/name nor causes (`"details":{}`, as for a JSON
  // patch removing a missing path) add the server's message; causes go through MultilineError,
  // which always ends the text with its own newline.
  if (!details) return 'The request is invalid';
  const causes = details.causes ?? [];
  const kind = details.kind ?? '';
  const name = details.name ?? '';
  let header = 'The request is invalid';
  if (kind || name) header = `The ${kind} "${name}" is invalid`;
  else if (message && causes.length === 0) header += `: ${message}`;
  if (causes.length === 0) return header;
  const lines = dedupe(
    causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? ''))),
  );
  if (lines.length === 1) return `${header}: ${lines[0]}\n`;
  return `${header}: \n${lines.map((l) => `* ${l}`).join('\n')}\n`;
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

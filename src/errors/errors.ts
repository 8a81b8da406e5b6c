/**
 * Typed errors shared by every layer. Each carries what the user needs to act; the wording
 * kubectl prints for them is decided in one place, ./format-error.ts.
 */

/** Base of all errors ktl knows how to present. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Wrong flags or arguments: printed with a pointer to the command's help. */
export class UsageError extends CliError {
  readonly commandPath: string;
  /** What stands before the message: "error: " unless the message carries its own wording. */
  readonly prefix: string;
  constructor(message: string, commandPath: string, prefix = 'error: ') {
    super(message);
    this.commandPath = commandPath;
    this.prefix = prefix;
  }
}

/** A kubeconfig that cannot be used: `Error in configuration: ...` in kubectl's words. */
export class ConfigError extends CliError {
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/** An error kubectl prints as `error: <message>`. */
export class PlainError extends CliError {}

/** An error whose line, among several, still reads `error: …` (kubectl writes that into the message). */
export class PrefixedError extends PlainError {
  readonly lines: string[];
  constructor(message: string) {
    super(message);
    this.lines = [`error: ${message}`];
  }
}

/**
 * An error kubectl prints as it is, without `error: `: a NoResourceMatchError handed to
 * CheckErr, or exec's `command terminated with exit code N` (which carries the remote status).
 */
export class BareError extends CliError {}

/**
 * A flag pflag or cobra refused (`unknown flag: --x`, `flag needs an argument: 'n' in -n`):
 * printed with cobra's pointer to the command's usage when the command is known.
 */
export class FlagError extends CliError {
  /** `ktl get`: names the help in `See 'ktl get --help' for usage.`; none for a bare line. */
  readonly commandPath: string | undefined;
  constructor(message: string, commandPath?: string) {
    super(message);
    this.commandPath = commandPath;
  }
}

/** pflag's error for a flag value it cannot parse: `invalid argument "x" for "--f" flag: <why>`. */
export class FlagValueError extends FlagError {
  readonly flag: string;
  readonly value: string;
  constructor(flag: string, value: string, reason: string, commandPath?: string) {
    super(`invalid argument "${value}" for "${flag}" flag: ${reason}`, commandPath);
    this.flag = flag;
    this.value = value;
  }
}

/**
 * The failures of a verb that went on past them (kubectl's Aggregate through CheckErr): one
 * failure reads as it would alone; several print one line each, without `error: `.
 */
export class MultipleErrors extends CliError {
  readonly errors: readonly Error[];
  constructor(errors: readonly Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.errors = errors;
  }
}

/** The server refused the TCP connection. */
export class ConnectionRefusedError extends CliError {
  readonly hostPort: string;
  constructor(hostPort: string) {
    super(
      `The connection to the server ${hostPort} was refused - did you specify the right host or port?`,
    );
    this.hostPort = hostPort;
  }
}

/** Any other failure to reach the server (TLS, DNS, timeout, credential plugin). */
export class ConnectionError extends CliError {
  constructor(cause: string) {
    super(`Unable to connect to the server: ${cause}`);
  }
}

/** One cause of an Invalid status. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** The decoded metav1.Status of a failed request. */
export interface ApiStatus {
  kind?: string;
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
}

/** A request the server answered with a failure status. */
export class ApiStatusError extends CliError {
  readonly status: ApiStatus;
  readonly httpCode: number;
  constructor(status: ApiStatus, httpCode: number) {
    super(status.message ?? `the server responded with status ${httpCode}`);
    this.status = status;
    this.httpCode = httpCode;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
  get isNotFound(): boolean {
    return this.reason === 'NotFound' || (this.reason === '' && this.httpCode === 404);
  }
}

/** A resource type that discovery does not know. */
export class NoResourceTypeError extends CliError {
  readonly resource: string;
  constructor(resource: string) {
    super(`the server doesn't have a resource type "${resource}"`);
    this.resource = resource;
  }
}

/** Several independent failures; kubectl prints one line for each. */
export class AggregateCliError extends CliError {
  readonly errors: readonly Error[];
  constructor(errors: readonly Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.errors = errors;
  }
}

/** An exit status that is not an error, with nothing to print: `auth can-i`'s "no", `diff`'s differences. */
export class SilentExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
  }
}

/** What kubectl's main prints itself as `Error: <message>`: a plugin it could not run. */
export class PluginDispatchError extends CliError {}

/** A kuberc that kubectl refuses: `error occurred while applying preferences <message>`. */
export class KubercError extends CliError {}

/**
 * An error printed as its cause is, with an exit code raised by `by`: diff's own failures exit
 * with one more than usual, so they never read as "differences found" (kubectl's CheckDiffErr).
 */
export class RaisedExitCode extends CliError {
  override readonly cause: unknown;
  readonly by: number;
  constructor(cause: unknown, by: number) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
    this.by = by;
  }
}

/** Ends a verb that went on past failures, as kubectl's CheckErr of their Aggregate; none: returns. */
export function failWithErrors(errors: readonly Error[]): void {
  if (errors.length > 0) throw new MultipleErrors(errors);
}

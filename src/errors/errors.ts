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

/** resource.Builder's error when a command that needs objects was given none. */
export class NoResourcesError extends CliError {
  constructor() {
    super(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
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

/** A command that already printed what it had to say and only needs an exit code. */
export class SilentExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
  }
}

/** What kubectl's main prints itself as `Error: <message>`: a plugin it could not run. */
export class PluginDispatchError extends CliError {}

/** A kuberc that kubectl refuses: `error occurred while applying preferences <message>`. */
export class KubercError extends CliError {}

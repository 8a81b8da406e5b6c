import { ConnectionError, ConnectionRefusedError } from '../errors/errors.js';
import type { CliError } from '../errors/errors.js';

const TLS_MESSAGES: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN:
    'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'tls: failed to verify certificate: x509: certificate signed by unknown authority',
  CERT_HAS_EXPIRED:
    'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
  CERT_NOT_YET_VALID:
    'tls: failed to verify certificate: x509: certificate has expired or is not yet valid',
};

/** Turns a socket-level failure into kubectl's connection error wording. */
export function networkError(error: unknown, url: URL, method: string): CliError {
  const err = error as NodeJS.ErrnoException & { reason?: string; host?: string };
  const code = err.code ?? '';
  const hostPort = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  if (code === 'ECONNREFUSED') return new ConnectionRefusedError(hostPort.replace(/^\[|\]$/g, ''));
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  const tls = TLS_MESSAGES[code];
  if (tls) return new ConnectionError(tls);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ConnectionError(
      `tls: failed to verify certificate: x509: ${err.reason ?? err.message}`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ConnectionError(`dial tcp: lookup ${url.hostname}: no such host`);
  }
  // client-go's transport limits (DIAL_TIMEOUT_MS, TLS_HANDSHAKE_TIMEOUT_MS), as Go words them.
  if (code === 'KTL_TLS_HANDSHAKE_TIMEOUT')
    return new ConnectionError('net/http: TLS handshake timeout');
  if (code === 'KTL_DIAL_TIMEOUT') return new ConnectionError(`dial tcp ${hostPort}: i/o timeout`);
  if (code === 'ETIMEDOUT' || code === 'KTL_TIMEOUT') {
    return new ConnectionError(
      `${verb} "${url.href}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    );
  }
  if (code === 'ECONNRESET')
    return new ConnectionError(`${verb} "${url.href}": read: connection reset by peer`);
  if (error instanceof Error && 'exitCode' in error) return error as CliError;
  return new ConnectionError(`${verb} "${url.href}": ${err.message ?? String(error)}`);
}

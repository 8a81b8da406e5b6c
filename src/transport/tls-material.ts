import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import type { TlsConfig } from '../config/rest-config.js';
import type { Authenticator } from './auth/authenticator.js';
import { deferredExtraCas } from './deferred-ca.js';

/** The CA, client certificate and server name of one connection to the API server. */
export interface TlsMaterial {
  rejectUnauthorized: boolean;
  ca?: Buffer | Array<string | Buffer>;
  cert?: Buffer;
  key?: Buffer;
  servername?: string;
}

/**
 * The roots a connection without a CA of its own trusts, when they differ from Node's default:
 * its bundled roots plus the CAs deferred from NODE_EXTRA_CA_CERTS (see deferred-ca.ts).
 */
export function defaultRootsWithDeferredCas(): Array<string | Buffer> | undefined {
  const extra = deferredExtraCas();
  return extra ? [...tls.rootCertificates, extra] : undefined;
}

/**
 * Reads the TLS material of a server: files are read here, an exec plugin's certificate wins.
 * Without a CA of its own, the default roots (with deferred CAs) unless `withDefaultRoots` is
 * false (the agent adds them itself: see agent/agent-protocol.ts).
 */
export async function tlsMaterial(
  config: TlsConfig,
  authenticator: Authenticator | undefined,
  withDefaultRoots = true,
): Promise<TlsMaterial> {
  const extra = await authenticator?.clientCertificate?.();
  const material: TlsMaterial = { rejectUnauthorized: !config.insecure };
  const ca =
    config.caData ??
    (config.caFile ? readFileSync(config.caFile) : undefined) ??
    (withDefaultRoots ? defaultRootsWithDeferredCas() : undefined);
  if (ca) material.ca = ca;
  const cert =
    extra?.cert ?? config.certData ?? (config.certFile ? readFileSync(config.certFile) : undefined);
  const key =
    extra?.key ?? config.keyData ?? (config.keyFile ? readFileSync(config.keyFile) : undefined);
  if (cert) material.cert = cert;
  if (key) material.key = key;
  if (config.serverName) material.servername = config.serverName;
  return material;
}

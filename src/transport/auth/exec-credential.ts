import { readFileSync } from 'node:fs';
import type { ExecConfig } from '../../config/kubeconfig-types.js';
import type { RestConfig } from '../../config/rest-config.js';

/** What an exec plugin returned, decoded. */
export interface ExecCredential {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** Milliseconds since the epoch; undefined means "for the life of the process". */
  expiresAt?: number;
}

const SUPPORTED = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

/** Whether the plugin's apiVersion is one ktl speaks. */
export function isSupportedExecVersion(apiVersion: string | undefined): boolean {
  return SUPPORTED.includes(apiVersion ?? '');
}

/** The cluster block of KUBERNETES_EXEC_INFO (provideClusterInfo), in client-go's field order. */
function clusterInfo(config: RestConfig): Record<string, unknown> {
  const cluster: Record<string, unknown> = { server: config.host };
  if (config.tls.serverName) cluster['tls-server-name'] = config.tls.serverName;
  if (config.tls.insecure) cluster['insecure-skip-tls-verify'] = true;
  const ca = config.tls.caData ?? readOptional(config.tls.caFile);
  if (ca) cluster['certificate-authority-data'] = ca.toString('base64');
  if (config.proxyUrl) cluster['proxy-url'] = config.proxyUrl;
  if (config.disableCompression) cluster['disable-compression'] = true;
  cluster['config'] = config.execClusterConfig ?? null;
  return cluster;
}

function readOptional(path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The KUBERNETES_EXEC_INFO value handed to the plugin. */
export function execInfo(exec: ExecConfig, config: RestConfig, interactive: boolean): string {
  const spec: Record<string, unknown> = {};
  if (exec.provideClusterInfo) spec['cluster'] = clusterInfo(config);
  spec['interactive'] = interactive;
  return JSON.stringify({ kind: 'ExecCredential', apiVersion: exec.apiVersion, spec });
}

/**
 * Decodes the plugin's stdout with client-go's checks and messages. The output itself never
 * appears in an error: it may hold a token.
 */
export function parseExecOutput(stdout: string, apiVersion: string): ExecCredential {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new Error(
      "decoding stdout: couldn't get version/kind; json parse error: the plugin's output is not valid JSON",
    );
  }
  const doc = (parsed ?? {}) as { apiVersion?: unknown; status?: Record<string, unknown> | null };
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new Error("decoding stdout: couldn't get version/kind; json parse error: not an object");
  if (doc.apiVersion !== apiVersion) {
    throw new Error(
      `exec plugin is configured to use API version ${apiVersion}, plugin returned version ${String(doc.apiVersion ?? '')}`,
    );
  }
  const status = doc.status;
  if (!status || typeof status !== 'object')
    throw new Error("exec plugin didn't return a status field");
  const text = (key: string): string | undefined =>
    typeof status[key] === 'string' && status[key] !== '' ? (status[key] as string) : undefined;
  const credential: ExecCredential = {};
  const token = text('token');
  const cert = text('clientCertificateData');
  const key = text('clientKeyData');
  if (!token && !cert && !key)
    throw new Error("exec plugin didn't return a token or cert/key pair");
  if (Boolean(cert) !== Boolean(key))
    throw new Error('exec plugin returned only certificate or key, not both');
  if (token) credential.token = token;
  if (cert && key) {
    credential.clientCertificateData = cert;
    credential.clientKeyData = key;
  }
  const expiry = text('expirationTimestamp');
  if (expiry) {
    const ms = Date.parse(expiry);
    if (Number.isNaN(ms)) throw new Error(`decoding stdout: parsing time "${expiry}" as RFC 3339`);
    credential.expiresAt = ms;
  }
  return credential;
}

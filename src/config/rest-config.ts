import type { AuthProviderConfig, ExecConfig } from './kubeconfig-types.js';

/** TLS material for one server, already resolved from files and flags. */
export interface TlsConfig {
  insecure: boolean;
  serverName?: string;
  caFile?: string;
  caData?: Buffer;
  certFile?: string;
  certData?: Buffer;
  keyFile?: string;
  keyData?: Buffer;
}

/** Who to impersonate (Impersonate-* headers). */
export interface ImpersonationConfig {
  user?: string;
  uid?: string;
  groups: string[];
  extra: Record<string, string[]>;
}

/** Everything the transport needs to talk to one API server, after kubeconfig and flags. */
export interface RestConfig {
  /** Scheme, host, port and optional path prefix, without a trailing slash. */
  host: string;
  contextName: string;
  clusterName: string;
  userName: string;
  namespace: string;
  namespaceExplicit: boolean;
  tls: TlsConfig;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  impersonate: ImpersonationConfig;
  exec?: ExecConfig;
  authProvider?: AuthProviderConfig;
  /** The kubeconfig file that defined the user, for auth providers that write back tokens. */
  userOrigin?: string;
  proxyUrl?: string;
  disableCompression: boolean;
  /** --request-timeout in milliseconds; 0 means none. */
  timeoutMs: number;
  /** The cluster's exec extension config (client.authentication.k8s.io/exec), if any. */
  execClusterConfig?: unknown;
}

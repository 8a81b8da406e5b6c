/** The global connection flags kubectl shares across commands (cli-runtime ConfigFlags). */
export interface ConfigFlags {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  tlsServerName?: string;
  insecureSkipTlsVerify?: boolean;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  token?: string;
  as?: string;
  asUid?: string;
  asGroup?: string[];
  username?: string;
  password?: string;
  requestTimeout?: string;
  cacheDir?: string;
  disableCompression?: boolean;
  verbosity?: number;
  /** --match-server-version: refuse to work against a server of another build. */
  matchServerVersion?: boolean;
}

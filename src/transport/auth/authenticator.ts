/** Client TLS credentials an authenticator may supply (exec plugins can return a certificate). */
export interface ClientCertificate {
  cert: Buffer;
  key: Buffer;
}

/** Hooks for authenticators that need more than the RestConfig (exec plugins, OIDC). */
export interface AuthEnvironment {
  cacheDir: string;
  stdinIsTerminal: boolean;
  env: NodeJS.ProcessEnv;
}

/** Adds credentials to requests. One instance lives as long as its HttpClient. */
export interface Authenticator {
  /** Headers to add to the next request (e.g. Authorization). */
  headers(): Promise<Record<string, string>>;
  /** A client certificate to present, when the authenticator provides one. */
  clientCertificate?(): Promise<ClientCertificate | undefined>;
  /** Called after a 401; returns true when fresh credentials were obtained and a retry may help. */
  onUnauthorized?(): Promise<boolean>;
}

/** Sends no credentials beyond the TLS client certificate, if any. */
export const anonymous: Authenticator = {
  headers: () => Promise.resolve({}),
};

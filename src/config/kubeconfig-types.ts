/** The kubeconfig model, field names as in kubectl's v1 YAML (clientcmd/api/v1). */

export interface ExecEnvVar {
  name: string;
  value: string;
}

export interface ExecConfig {
  apiVersion?: string;
  command: string;
  args?: string[];
  env?: ExecEnvVar[] | null;
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: 'Never' | 'IfAvailable' | 'Always';
}

export interface AuthProviderConfig {
  name: string;
  config?: Record<string, string>;
}

export interface Cluster {
  server?: string;
  'tls-server-name'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'proxy-url'?: string;
  'disable-compression'?: boolean;
  extensions?: NamedExtension[];
}

export interface AuthInfo {
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  token?: string;
  tokenFile?: string;
  as?: string;
  'as-uid'?: string;
  'as-groups'?: string[];
  'as-user-extra'?: Record<string, string[]>;
  username?: string;
  password?: string;
  'auth-provider'?: AuthProviderConfig;
  exec?: ExecConfig;
  extensions?: NamedExtension[];
}

export interface Context {
  cluster?: string;
  user?: string;
  namespace?: string;
  extensions?: NamedExtension[];
}

export interface NamedExtension {
  name: string;
  extension: unknown;
}

/** A named stanza and the file that defined it (kubectl's LocationOfOrigin). */
export interface Stanza<T> {
  name: string;
  value: T;
  origin: string;
}

/** One kubeconfig file, parsed. */
export interface KubeConfigFile {
  path: string;
  clusters: Stanza<Cluster>[];
  users: Stanza<AuthInfo>[];
  contexts: Stanza<Context>[];
  currentContext: string;
  preferences: Record<string, unknown>;
  extensions: NamedExtension[];
}

/** The merged view of every loaded file, by kubectl's rules. */
export interface KubeConfig {
  files: string[];
  clusters: Map<string, Stanza<Cluster>>;
  users: Map<string, Stanza<AuthInfo>>;
  contexts: Map<string, Stanza<Context>>;
  currentContext: string;
  preferences: Record<string, unknown>;
  extensions: NamedExtension[];
}

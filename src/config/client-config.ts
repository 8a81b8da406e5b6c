import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ConfigError, PlainError } from '../errors/errors.js';
import type { ConfigFlags } from './config-flags.js';
import { parseRequestTimeout } from './duration.js';
import type { AuthInfo, Cluster, Context, KubeConfig } from './kubeconfig-types.js';
import type { RestConfig, TlsConfig } from './rest-config.js';

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Resolves a path from a kubeconfig stanza against the directory of the file that defined it. */
export function resolveStanzaPath(path: string | undefined, origin: string): string | undefined {
  if (path === undefined || path === '' || isAbsolute(path) || origin === '') return path;
  return join(dirname(origin), path);
}

/** The context kubectl would use: --context, else current-context. */
export function selectedContextName(config: KubeConfig, flags: ConfigFlags): string {
  return flags.context || config.currentContext;
}

/** The namespace a command works in: -n, else the context's, else "default". */
export function resolveNamespace(
  config: KubeConfig,
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv = process.env,
): { namespace: string; explicit: boolean } {
  if (flags.namespace) return { namespace: flags.namespace, explicit: true };
  const context = config.contexts.get(selectedContextName(config, flags))?.value;
  if (context?.namespace) return { namespace: context.namespace, explicit: false };
  if (isInClusterCandidate(config, flags, env))
    return { namespace: inClusterNamespace(env), explicit: false };
  return { namespace: 'default', explicit: false };
}

/** Builds the connection settings from the merged kubeconfig and the override flags, as client-go does. */
export function buildRestConfig(
  config: KubeConfig,
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv = process.env,
): RestConfig {
  if (isInClusterCandidate(config, flags, env)) return inClusterConfig(flags, env);
  const contextName = selectedContextName(config, flags);
  const contextStanza = config.contexts.get(contextName);
  if (flags.context && !contextStanza) {
    throw new PlainError(`context "${flags.context}" does not exist`);
  }
  const context: Context = contextStanza?.value ?? {};
  const clusterName = flags.cluster || context.cluster || '';
  const userName = flags.user || context.user || '';
  const clusterStanza = config.clusters.get(clusterName);
  const userStanza = config.users.get(userName);
  if (flags.cluster && !clusterStanza)
    throw new PlainError(`cluster "${flags.cluster}" does not exist`);
  if (flags.user && !userStanza) throw new PlainError(`auth info "${flags.user}" does not exist`);
  const cluster: Cluster = clusterStanza?.value ?? {};
  const user: AuthInfo = userStanza?.value ?? {};
  const clusterOrigin = clusterStanza?.origin ?? '';
  const userOrigin = userStanza?.origin ?? '';

  const host = normalizeHost(
    flags.server || cluster.server || env['KUBERNETES_MASTER'] || 'http://localhost:8080',
  );
  const secure = host.startsWith('https://');
  const { namespace, explicit } = resolveNamespace(config, flags, env);
  const rest: RestConfig = {
    host,
    contextName,
    clusterName,
    userName,
    namespace,
    namespaceExplicit: explicit,
    tls: secure ? clusterTls(cluster, clusterOrigin, flags) : { insecure: false },
    impersonate: impersonation(user, flags),
    disableCompression:
      flags.disableCompression === true || cluster['disable-compression'] === true,
    timeoutMs: parseRequestTimeout(flags.requestTimeout),
  };
  if (cluster['proxy-url']) rest.proxyUrl = cluster['proxy-url'];
  const execExtension = cluster.extensions?.find(
    (e) => e.name === 'client.authentication.k8s.io/exec',
  );
  if (execExtension) rest.execClusterConfig = execExtension.extension;
  if (secure) applyUserCredentials(rest, user, userOrigin, flags);
  validateRestConfig(rest, userName);
  return rest;
}

function normalizeHost(server: string): string {
  let url = server.includes('://') ? server : `http://${server}`;
  url = url.replace(/[?#].*$/, '');
  return url.replace(/\/+$/, '');
}

function readData(data: string | undefined): Buffer | undefined {
  if (data === undefined || data === '') return undefined;
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new ConfigError(`illegal base64 data in kubeconfig`);
  }
  return Buffer.from(clean, 'base64');
}

function clusterTls(cluster: Cluster, origin: string, flags: ConfigFlags): TlsConfig {
  const tls: TlsConfig = { insecure: cluster['insecure-skip-tls-verify'] === true };
  const serverName = flags.server
    ? flags.tlsServerName
    : flags.tlsServerName || cluster['tls-server-name'];
  if (serverName) tls.serverName = serverName;
  if (flags.certificateAuthority || flags.insecureSkipTlsVerify) {
    tls.insecure = flags.insecureSkipTlsVerify === true;
    if (flags.certificateAuthority) tls.caFile = flags.certificateAuthority;
    return tls;
  }
  const caData = readData(cluster['certificate-authority-data']);
  if (caData) tls.caData = caData;
  else {
    const caFile = resolveStanzaPath(cluster['certificate-authority'], origin);
    if (caFile) tls.caFile = caFile;
  }
  return tls;
}

function applyUserCredentials(
  rest: RestConfig,
  user: AuthInfo,
  origin: string,
  flags: ConfigFlags,
): void {
  if (flags.clientCertificate) rest.tls.certFile = flags.clientCertificate;
  else {
    const certData = readData(user['client-certificate-data']);
    if (certData) rest.tls.certData = certData;
    else if (user['client-certificate'])
      rest.tls.certFile = resolveStanzaPath(user['client-certificate'], origin);
  }
  if (flags.clientKey) rest.tls.keyFile = flags.clientKey;
  else {
    const keyData = readData(user['client-key-data']);
    if (keyData) rest.tls.keyData = keyData;
    else if (user['client-key']) rest.tls.keyFile = resolveStanzaPath(user['client-key'], origin);
  }
  const token = flags.token || user.token;
  if (token) rest.token = token;
  if (user.tokenFile) rest.tokenFile = resolveStanzaPath(user.tokenFile, origin);
  const username = flags.username || user.username;
  const password = flags.password || user.password;
  if (username) rest.username = username;
  if (password) rest.password = password;
  if (user.exec) {
    rest.exec = { ...user.exec };
    if (user.exec.command.includes('/'))
      rest.exec.command = resolveStanzaPath(user.exec.command, origin) ?? user.exec.command;
  }
  if (user['auth-provider']) rest.authProvider = user['auth-provider'];
  if (origin) rest.userOrigin = origin;
}

function impersonation(user: AuthInfo, flags: ConfigFlags): RestConfig['impersonate'] {
  // kubectl 1.34 has no --as-user-extra flag (1.35 adds it): extras come from the kubeconfig
  const extra: Record<string, string[]> = { ...(user['as-user-extra'] ?? {}) };
  const result: RestConfig['impersonate'] = {
    groups: flags.asGroup && flags.asGroup.length > 0 ? flags.asGroup : (user['as-groups'] ?? []),
    extra,
  };
  const asUser = flags.as || user.as;
  const asUid = flags.asUid || user['as-uid'];
  if (asUser) result.user = asUser;
  if (asUid) result.uid = asUid;
  return result;
}

function validateRestConfig(rest: RestConfig, userName: string): void {
  const problems: string[] = [];
  const hasCert = rest.tls.certData !== undefined || rest.tls.certFile !== undefined;
  const hasKey = rest.tls.keyData !== undefined || rest.tls.keyFile !== undefined;
  if (hasCert && !hasKey)
    problems.push(
      `client-key-data or client-key must be specified for ${userName} to use the clientCert authentication method.`,
    );
  if (hasKey && !hasCert)
    problems.push(
      `client-cert-data or client-cert must be specified for ${userName} to use the clientCert authentication method.`,
    );
  const methods: string[] = [];
  if (rest.token || rest.tokenFile) methods.push('token');
  if (rest.username || rest.password) methods.push('basicAuth');
  if (methods.length > 1) {
    problems.push(
      `more than one authentication method found for ${userName}; found [${methods.join(' ')}], only one is allowed`,
    );
  }
  if (rest.tls.insecure && (rest.tls.caData || rest.tls.caFile)) {
    problems.push('specifying a root certificates file with the insecure flag is not allowed');
  }
  for (const file of [rest.tls.caFile, rest.tls.certFile, rest.tls.keyFile]) {
    if (file && !existsSync(file))
      problems.push(`unable to read file "${file}": open ${file}: no such file or directory`);
  }
  const impersonating = rest.impersonate.user !== undefined;
  if (
    !impersonating &&
    (rest.impersonate.uid ||
      rest.impersonate.groups.length > 0 ||
      Object.keys(rest.impersonate.extra).length > 0)
  ) {
    problems.push(
      `requesting uid, groups or user-extra for ${userName} without impersonating a user`,
    );
  }
  if (rest.exec && rest.authProvider)
    problems.push(`authProvider and exec both set for ${userName}, only one is allowed`);
  if (
    rest.exec &&
    rest.exec.apiVersion === 'client.authentication.k8s.io/v1' &&
    !rest.exec.interactiveMode
  ) {
    problems.push(
      `interactiveMode must be specified for ${userName} to use exec authentication plugin`,
    );
  }
  // kubectl prints one problem as `error: <problem>`, several as a bulleted configuration error.
  if (problems.length === 1) throw new PlainError(problems[0] ?? '');
  if (problems.length > 1) throw new ConfigError(problems);
}

function isInClusterCandidate(
  config: KubeConfig,
  flags: ConfigFlags,
  env: NodeJS.ProcessEnv,
): boolean {
  if (config.files.length > 0 || flags.kubeconfig || flags.context || flags.cluster) return false;
  if (!env['KUBERNETES_SERVICE_HOST'] || !env['KUBERNETES_SERVICE_PORT']) return false;
  try {
    return statSync(join(SERVICE_ACCOUNT_DIR, 'token')).isFile();
  } catch {
    return false;
  }
}

function inClusterNamespace(env: NodeJS.ProcessEnv): string {
  if (env['POD_NAMESPACE']) return env['POD_NAMESPACE'];
  try {
    const ns = readFileSync(join(SERVICE_ACCOUNT_DIR, 'namespace'), 'utf8').trim();
    if (ns) return ns;
  } catch {
    // no namespace file: fall through to default
  }
  return 'default';
}

function inClusterConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv): RestConfig {
  const hostName = env['KUBERNETES_SERVICE_HOST'] ?? '';
  const host = `https://${hostName.includes(':') ? `[${hostName}]` : hostName}:${env['KUBERNETES_SERVICE_PORT'] ?? ''}`;
  const caFile = join(SERVICE_ACCOUNT_DIR, 'ca.crt');
  const tls: TlsConfig = { insecure: flags.insecureSkipTlsVerify === true };
  if (flags.certificateAuthority) tls.caFile = flags.certificateAuthority;
  else if (!tls.insecure && existsSync(caFile)) tls.caFile = caFile;
  const rest: RestConfig = {
    host: flags.server ? normalizeHost(flags.server) : host,
    contextName: '',
    clusterName: '',
    userName: '',
    namespace: flags.namespace || inClusterNamespace(env),
    namespaceExplicit: Boolean(flags.namespace),
    tls,
    impersonate: impersonation({}, flags),
    disableCompression: flags.disableCompression === true,
    timeoutMs: parseRequestTimeout(flags.requestTimeout),
  };
  if (flags.token) rest.token = flags.token;
  else rest.tokenFile = join(SERVICE_ACCOUNT_DIR, 'token');
  return rest;
}

import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConfigFlags } from '../config/config-flags.js';
import type { KubeConfig } from '../config/kubeconfig-types.js';
import type { RestConfig } from '../config/rest-config.js';
import type { Authenticator } from '../transport/auth/authenticator.js';
import type { HttpClient } from '../transport/http-client.js';
import type {
  DiscoveryClient,
  DiscoveryClientOptions,
  OpenApiV3Client,
  RestMapper,
} from '../discovery/index.js';
import type { RequestLogger } from '../transport/request-log.js';
import type { StreamDialer } from '../transport/websocket-dial.js';
import type { IOStreams } from '../util/io-streams.js';
import { colorAllowed } from '../util/io-streams.js';
import type { CachePolicy, Factory } from './factory.js';
import { SchemaSource } from './schema-source.js';
import { KTL_VERSION_STRING, archName, clientVersionInfo } from './version-info.js';

export { archName } from './version-info.js';

/**
 * The Factory of a real cluster: builds, once per command run, the merged kubeconfig, the
 * connection settings, the HTTP client, discovery and OpenAPI, each when first asked for.
 */
export class ClusterFactory implements Factory {
  readonly flags: ConfigFlags;
  readonly streams: IOStreams;
  readonly commandPath: string;
  readonly env: NodeJS.ProcessEnv;
  private kubeConfigPromise: Promise<KubeConfig> | undefined;
  private restConfigPromise: Promise<RestConfig> | undefined;
  private clientPromise: Promise<HttpClient> | undefined;
  private discoveryPromise: Promise<DiscoveryClient> | undefined;
  private cacheOnlyDiscoveryPromise: Promise<DiscoveryClient> | undefined;
  private restMapperPromise: Promise<RestMapper> | undefined;
  private openapiPromise: Promise<OpenApiV3Client> | undefined;
  private schemaSource: SchemaSource | undefined;
  private authenticatorPromise: Promise<Authenticator> | undefined;
  private readonly extraLoggers: RequestLogger[] = [];

  constructor(
    flags: ConfigFlags,
    streams: IOStreams,
    commandPath: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.flags = flags;
    this.streams = streams;
    this.commandPath = commandPath;
    this.env = env;
  }

  /** The merged kubeconfig (files per --kubeconfig / KUBECONFIG / ~/.kube/config). */
  kubeConfig(): Promise<KubeConfig> {
    this.kubeConfigPromise ??= import('../config/kubeconfig-loader.js').then(({ loadKubeConfig }) =>
      loadKubeConfig(this.flags.kubeconfig, this.env, this.cacheDir()),
    );
    return this.kubeConfigPromise;
  }

  /** The connection settings after flag overrides. */
  restConfig(): Promise<RestConfig> {
    this.restConfigPromise ??= Promise.all([
      this.kubeConfig(),
      import('../config/client-config.js'),
    ]).then(([config, { buildRestConfig }]) => buildRestConfig(config, this.flags, this.env));
    return this.restConfigPromise;
  }

  /** The namespace to work in and whether the user chose it with -n. */
  async namespace(): Promise<{ namespace: string; explicit: boolean }> {
    const { resolveNamespace } = await import('../config/client-config.js');
    return resolveNamespace(await this.kubeConfig(), this.flags, this.env);
  }

  /** The root of the disk cache (--cache-dir, else KUBECACHEDIR, else ~/.kube/cache). */
  cacheDir(): string {
    return (
      this.flags.cacheDir ||
      this.env['KUBECACHEDIR'] ||
      join(this.env['HOME'] ?? homedir(), '.kube', 'cache')
    );
  }

  /** Adds a logger that sees every request (used by tests and the benchmark). */
  addRequestLogger(logger: RequestLogger): void {
    this.extraLoggers.push(logger);
  }

  /** The HTTP client for the selected cluster. */
  client(): Promise<HttpClient> {
    this.clientPromise ??= this.makeClient().then((client) => this.matchedVersion(client));
    return this.clientPromise;
  }

  /** The client once --match-server-version (if given) found the server of ktl's own build. */
  private async matchedVersion(client: HttpClient): Promise<HttpClient> {
    if (this.flags.matchServerVersion !== true) return client;
    const { checkServerVersion } = await import('./server-version-match.js');
    try {
      await checkServerVersion(client, clientVersionInfo(), (await this.restConfig()).host);
      return client;
    } catch (error) {
      client.close(); // nothing else will: close() finds no client
      throw error;
    }
  }

  /** The credentials for the selected user, shared by the HTTP client and streaming connections. */
  authenticator(): Promise<Authenticator> {
    this.authenticatorPromise ??= Promise.all([
      this.restConfig(),
      import('../transport/auth/select-auth.js'),
    ]).then(([config, { selectAuthenticator }]) =>
      selectAuthenticator(config, {
        cacheDir: this.cacheDir(),
        stdinIsTerminal: this.streams.in.isTTY === true,
        env: this.env,
      }),
    );
    return this.authenticatorPromise;
  }

  /** What exec, attach and port-forward need to open WebSocket connections. */
  async streamDialer(): Promise<StreamDialer> {
    return {
      config: await this.restConfig(),
      authenticator: await this.authenticator(),
      userAgent: `ktl/${KTL_VERSION_STRING} (${process.platform}/${archName()})`,
      commandHeader: this.commandPath,
    };
  }

  discovery(policy: CachePolicy = 'cached'): Promise<DiscoveryClient> {
    if (policy === 'refresh') return this.makeDiscovery({ ttlMs: 0 });
    if (policy === 'cache-only') {
      this.cacheOnlyDiscoveryPromise ??= this.makeDiscovery({
        http: () => Promise.reject(new Error('discovery is read from the cache only')),
      });
      return this.cacheOnlyDiscoveryPromise;
    }
    this.discoveryPromise ??= this.makeDiscovery({});
    return this.discoveryPromise;
  }

  restMapper(policy: CachePolicy = 'cached'): Promise<RestMapper> {
    if (policy !== 'cached') return this.makeRestMapper(policy);
    this.restMapperPromise ??= this.makeRestMapper(policy);
    return this.restMapperPromise;
  }

  openapiV3(policy: 'cached' | 'refresh' = 'cached'): Promise<OpenApiV3Client> {
    if (policy === 'refresh') this.openapiPromise = undefined;
    this.openapiPromise ??= this.makeOpenApiV3();
    return this.openapiPromise;
  }

  schemas(): SchemaSource {
    this.schemaSource ??= new SchemaSource((policy) => this.openapiV3(policy));
    return this.schemaSource;
  }

  withConfig(flags: ConfigFlags, streams: IOStreams): Factory {
    return new ClusterFactory(flags, streams, this.commandPath, this.env);
  }

  private async makeOpenApiV3(): Promise<OpenApiV3Client> {
    const { OpenApiV3Client } = await import('../discovery/index.js');
    const { host } = await this.restConfig();
    return new OpenApiV3Client({ http: () => this.client(), cacheRoot: this.cacheDir(), host });
  }

  private async makeDiscovery(
    options: Partial<Pick<DiscoveryClientOptions, 'http' | 'ttlMs'>>,
  ): Promise<DiscoveryClient> {
    const { DiscoveryClient } = await import('../discovery/index.js');
    const { host } = await this.restConfig();
    return new DiscoveryClient({
      http: () => this.client(),
      cacheRoot: this.cacheDir(),
      host,
      ...options,
    });
  }

  private async makeRestMapper(policy: CachePolicy): Promise<RestMapper> {
    const { RestMapper } = await import('../discovery/index.js');
    const warn = (text: string): boolean => this.streams.err.write(`Warning: ${text}\n`);
    return new RestMapper(await this.discovery(policy), warn);
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    if (this.clientPromise) (await this.clientPromise.catch(() => undefined))?.close();
  }

  private async makeClient(): Promise<HttpClient> {
    const config = await this.restConfig();
    const authenticator = await this.authenticator();
    const { HttpClient } = await import('../transport/http-client.js');
    const { verboseLogger } = await import('../transport/request-log.js');
    const loggers = [...this.extraLoggers];
    const level = this.flags.verbosity ?? 0;
    if (level >= 6) loggers.push(verboseLogger(level, (line) => this.streams.err.write(line)));
    const warningPrefix = colorAllowed(this.streams.err, this.env)
      ? '\u001b[33;1mWarning:\u001b[0m'
      : 'Warning:';
    return new HttpClient(config, {
      userAgent: `ktl/${KTL_VERSION_STRING} (${process.platform}/${archName()})`,
      commandHeader: this.commandPath,
      authenticator,
      logger: {
        request: (...args) => loggers.forEach((l) => l.request(...args)),
        response: (...args) => loggers.forEach((l) => l.response(...args)),
      },
      onWarning: (text) => this.streams.err.write(`${warningPrefix} ${text}\n`),
    });
  }
}

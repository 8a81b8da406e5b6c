import type { ConfigFlags } from '../config/config-flags.js';
import type { KubeConfig } from '../config/kubeconfig-types.js';
import type { RestConfig } from '../config/rest-config.js';
import type { DiscoveryClient, OpenApiV3Client, RestMapper } from '../discovery/index.js';
import type { Authenticator } from '../transport/auth/authenticator.js';
import type { HttpClient } from '../transport/http-client.js';
import type { RequestLogger } from '../transport/request-log.js';
import type { StreamDialer } from '../transport/websocket-dial.js';
import type { IOStreams } from '../util/io-streams.js';
import type { SchemaSource } from './schema-source.js';

/**
 * How discovery may use its disk cache (`<cache>/discovery/<host>/`):
 * - `cached`: kubectl's policy, the cache while it is fresh, else the server;
 * - `cache-only`: never the network (shell completion: a TAB must not wait on a server);
 * - `refresh`: the server every time, written back (after this run created CRDs).
 */
export type CachePolicy = 'cached' | 'cache-only' | 'refresh';

/**
 * What commands and the dashboard get their connections from (kubectl's cmdutil.Factory).
 * Commands never build clients, discovery or mappers themselves: they ask the Factory, which
 * makes each piece once per command run, when first asked for, so `ktl config` and `ktl
 * version --client` never touch the network. "Rings" as in kubectl: the kubeconfig, then the
 * connection settings, then the HTTP client, then discovery and the mapper, then OpenAPI.
 */
export interface Factory {
  /** The global flags (kubectl's ConfigFlags) the command was given. */
  readonly flags: ConfigFlags;
  readonly streams: IOStreams;
  /** "ktl get": sent as the Kubectl-Command header and named in usage errors. */
  readonly commandPath: string;
  readonly env: NodeJS.ProcessEnv;

  /** The merged kubeconfig (files per --kubeconfig / KUBECONFIG / ~/.kube/config). */
  kubeConfig(): Promise<KubeConfig>;
  /** The connection settings after flag overrides. */
  restConfig(): Promise<RestConfig>;
  /** The namespace to work in and whether the user chose it with -n. */
  namespace(): Promise<{ namespace: string; explicit: boolean }>;
  /** The root of the disk cache (--cache-dir, else KUBECACHEDIR, else ~/.kube/cache). */
  cacheDir(): string;

  /** The HTTP client for the selected cluster. */
  client(): Promise<HttpClient>;
  /** The credentials for the selected user, shared by the HTTP client and streaming connections. */
  authenticator(): Promise<Authenticator>;
  /** What exec, attach and port-forward need to open WebSocket connections. */
  streamDialer(): Promise<StreamDialer>;
  /** Adds a logger that sees every request (used by tests and the benchmark). */
  addRequestLogger(logger: RequestLogger): void;

  /** Discovery of the selected cluster under a cache policy (`cached` unless said). */
  discovery(policy?: CachePolicy): Promise<DiscoveryClient>;
  /** kubectl's REST mapper (types, short names, categories, kinds) over discovery. */
  restMapper(policy?: CachePolicy): Promise<RestMapper>;
  /**
   * OpenAPI v3 documents of the selected cluster, kept on disk by hash. `refresh` reads the
   * index again (after a CRD changed) and is what later calls get.
   */
  openapiV3(policy?: 'cached' | 'refresh'): Promise<OpenApiV3Client>;
  /** The schemas objects are validated against (apply, create, edit, patch, diff, generators). */
  schemas(): SchemaSource;

  /** A Factory for the same command with other global flags and streams (the dashboard's `:ctx`). */
  withConfig(flags: ConfigFlags, streams: IOStreams): Factory;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/**
 * What the resource builder needs from the command runtime: the REST mapper, the HTTP client,
 * the namespace defaults, stdin (for `-f -`) and stderr (kustomize's warnings). The runtime's
 * Factory provides them all; the builder never builds clients itself.
 */
import type { RestMapper } from '../../discovery/index.js';
import type { HttpClient } from '../../transport/http-client.js';
import type { InputStreams } from './manifest-input.js';

/** The namespace to work in and whether the user chose it with -n. */
export interface NamespaceChoice {
  namespace: string;
  explicit: boolean;
}

/** The builder's view of the command runtime (kubectl's RESTClientGetter plus streams). */
export interface BuilderContext {
  restMapper(): Promise<RestMapper>;
  client(): Promise<HttpClient>;
  namespace(): Promise<NamespaceChoice>;
  readonly streams: InputStreams;
}

/**
 * API discovery, the kubectl-compatible disk cache, REST mapping and OpenAPI v3 schemas.
 * Other layers import from here.
 */
export type {
  APIGroup,
  APIGroupList,
  APIResource,
  APIResourceList,
  DiscoverySnapshot,
  GroupVersionKind,
} from './types.js';
export { groupVersionString, parseGroupVersion } from './types.js';
export type { DiscoveryClientOptions } from './discovery-client.js';
export { DiscoveryClient, discoveryFailureMessage, groupVersionsOf } from './discovery-client.js';
export type { DiscoveryHttp } from './fetch-live.js';
export type { ResourceMapping } from './mapper-model.js';
export { RestMapper, NoKindMatchError } from './rest-mapper.js';
export { preferredResources } from './preferred.js';
export { discoveryCacheDir, openapiCacheDir, serverCacheName } from './cache-path.js';
export type { KindSchema, OpenApiV3Index } from './openapi-v3.js';
export { OpenApiV3Client, isReference, resolveSchema } from './openapi-v3.js';

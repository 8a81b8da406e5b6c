import { join } from 'node:path';

/**
 * The per-server directory name kubectl uses under its cache root (cli-runtime
 * computeDiscoverCacheDir): the first https:// then http:// removed, then every character
 * outside [\w/.()] replaced by "_" (`https://10.0.0.1:6443` → `10.0.0.1_6443`).
 */
export function serverCacheName(host: string): string {
  const schemeless = host.replace('https://', '').replace('http://', '');
  return schemeless.replace(/[^(\w/.)]/g, '_');
}

/** `<root>/discovery/<host>`: where servergroups.json and serverresources.json live. */
export function discoveryCacheDir(cacheRoot: string, host: string): string {
  return join(cacheRoot, 'discovery', serverCacheName(host));
}

/** `<root>/ktl-openapi/<host>`: ktl's own store of OpenAPI v3 documents (kubectl ignores it). */
export function openapiCacheDir(cacheRoot: string, host: string): string {
  return join(cacheRoot, 'ktl-openapi', serverCacheName(host));
}

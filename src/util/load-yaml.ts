import type * as YamlModule from 'yaml';

/**
 * Loads the yaml package on demand (it is kept off the start-up path). The bundler wraps the
 * CommonJS build, so its exports may sit under `default`.
 */
export async function loadYaml(): Promise<typeof YamlModule> {
  const mod = (await import('yaml')) as typeof YamlModule & { default?: typeof YamlModule };
  return mod.default && typeof mod.default.parse === 'function' ? mod.default : mod;
}

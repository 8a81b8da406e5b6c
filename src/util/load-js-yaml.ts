import type * as JsYamlModule from 'js-yaml';

/**
 * Loads js-yaml on demand (it is kept off the start-up path). The bundler wraps the CommonJS
 * build, so its exports may sit under `default`.
 */
export async function loadJsYaml(): Promise<typeof JsYamlModule> {
  const mod = (await import('js-yaml')) as typeof JsYamlModule & { default?: typeof JsYamlModule };
  return mod.default && typeof mod.default.load === 'function' ? mod.default : mod;
}

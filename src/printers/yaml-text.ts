import { emitYamlDocument } from './yaml/emit.js';

/**
 * YAML text as kubectl prints it (sigs.k8s.io/yaml over go-yaml v2): go-yaml's key order,
 * YAML 1.1 quoting so that strings such as "yes", "1" or timestamps stay strings, literal
 * blocks for multi-line strings, and folding of long lines at 80 columns.
 */
export function toKubectlYamlSync(value: unknown): string {
  return emitYamlDocument(JSON.parse(JSON.stringify(value ?? null)));
}

/** toKubectlYamlSync, kept async for existing callers. */
export async function toKubectlYaml(value: unknown): Promise<string> {
  return toKubectlYamlSync(value);
}

import { loadYaml } from '../util/load-yaml.js';
import { sortKeysDeep } from './json-text.js';

/**
 * YAML text as kubectl prints it (sigs.k8s.io/yaml over go-yaml v2): keys sorted, sequences
 * not indented under their key, YAML 1.1 quoting so that strings such as "yes", "1" or
 * timestamps stay strings, and no line folding.
 */
export async function toKubectlYaml(value: unknown): Promise<string> {
  const { stringify } = await loadYaml();
  return stringify(sortKeysDeep(value), {
    version: '1.1',
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    nullStr: 'null',
  });
}

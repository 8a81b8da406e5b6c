import { CORE_SCHEMA, loadAll, Type, types, YAMLException } from 'js-yaml';
import type { JsonValue } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import { restoreJsonValues, substituteJsonValues } from './json-values.js';

// YAML 1.2 core types (no timestamps, no YAML 1.1 booleans) and merge keys, as kyaml's go-yaml v3
// reads them. js-yaml is used for speed: it parses a large tree ~10x faster than `yaml`.
const SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge] });

// YAML 1.1 booleans (y, yes, on, off, ...), as go-yaml v2 reads them: kustomize converts JSON
// patches written in YAML with sigs.k8s.io/yaml, which uses it (\`value: y\` is true there).
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;
const YAML11_FALSE = /^(?:n|N|no|No|NO|off|Off|OFF)$/;
const YAML11_BOOL = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data) => data !== null && (YAML11_TRUE.test(data) || YAML11_FALSE.test(data)),
  construct: (data) => YAML11_TRUE.test(data),
});
const YAML11_SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge, YAML11_BOOL] });

/**
 * The documents of a YAML stream as JSON values, read as kyaml (go-yaml v3) reads them:
 * duplicate keys refused, empty documents dropped.
 */
export function parseYamlDocuments(text: string, file: string): JsonValue[] {
  const substituted = substituteJsonValues(text);
  if (substituted) {
    try {
      const docs = parseAll(substituted.text, file);
      if (restoreJsonValues(docs, substituted)) return docs;
    } catch {
      // the original text decides (and words the error)
    }
  }
  return parseAll(text, file);
}

/** parseYamlDocuments as go-yaml v2 reads scalars (YAML 1.1 booleans): for JSON patches. */
export function parseYaml11Documents(text: string, file: string): JsonValue[] {
  return parseAll(text, file, YAML11_SCHEMA);
}

function parseAll(text: string, file: string, schema = SCHEMA): JsonValue[] {
  let docs: unknown[];
  try {
    docs = loadAll(text, null, { schema });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? `:${error.mark.line + 1}` : '';
    throw new KustomizeError(`${file}${line}: invalid YAML: ${error.reason}`);
  }
  return docs.filter((doc) => doc !== null && doc !== undefined) as JsonValue[];
}

import { CORE_SCHEMA, loadAll, types, YAMLException } from 'js-yaml';
import type { JsonValue } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';
import { restoreJsonValues, substituteJsonValues } from './json-values.js';

// YAML 1.2 core types (no timestamps, no YAML 1.1 booleans) and merge keys, as kyaml's go-yaml v3
// reads them. js-yaml is used for speed: it parses a large tree ~10x faster than `yaml`.
const SCHEMA = CORE_SCHEMA.extend([types.merge]);

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

function parseAll(text: string, file: string): JsonValue[] {
  let docs: unknown[];
  try {
    docs = loadAll(text, null, { schema: SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? `:${error.mark.line + 1}` : '';
    throw new KustomizeError(`${file}${line}: invalid YAML: ${error.reason}`);
  }
  return docs.filter((doc) => doc !== null && doc !== undefined) as JsonValue[];
}

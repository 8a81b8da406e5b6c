import { parseAllDocuments } from 'yaml';
import type { JsonValue } from '../patch/json-value.js';
import { KustomizeError } from './errors.js';

/**
 * The documents of a YAML stream as JSON values, read as kyaml (go-yaml v3) reads them:
 * YAML 1.2 core types, merge keys, duplicate keys refused; empty documents dropped.
 */
export function parseYamlDocuments(text: string, file: string): JsonValue[] {
  const docs = parseAllDocuments(text, { version: '1.2', merge: true, uniqueKeys: true });
  const values: JsonValue[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      const where = line === undefined ? file : `${file}:${line}`;
      throw new KustomizeError(`${where}: invalid YAML: ${error.message.split('\n')[0]}`);
    }
    if (doc.contents === null) continue;
    values.push(doc.toJS({ maxAliasCount: -1 }) as JsonValue);
  }
  return values;
}

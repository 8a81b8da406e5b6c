import { goFloat, goSprint } from '../go-fmt.js';
import { FloatValue } from './compare.js';
import { toGoJson, toKubectlJson } from '../json-text.js';
import { JsonPathEvaluator } from './evaluate.js';
import type { PathNode } from './nodes.js';
import { parseJsonPath } from './parser.js';

/** A parsed JSONPath template (client-go util/jsonpath). */
export class JsonPath {
  readonly template: string;
  private readonly nodes: PathNode[];

  /** Parses `template`; throws an Error with client-go's message on bad syntax. */
  constructor(template: string) {
    this.template = template;
    this.nodes = parseJsonPath(template);
  }

  /** The values each top-level node yields (range blocks expanded); throws on failures. */
  findResults(data: unknown, allowMissingKeys = true): unknown[][] {
    return new JsonPathEvaluator(allowMissingKeys).findResults(this.nodes, data);
  }

  /** The text kubectl prints: strings raw, maps and lists as compact JSON, space-separated. */
  execute(data: unknown, allowMissingKeys = true): string {
    return this.findResults(data, allowMissingKeys).map(printResults).join('');
  }

  /** -o jsonpath-as-json: each action's results as an indented JSON array. */
  executeAsJson(data: unknown, allowMissingKeys = true): string {
    return this.findResults(data, allowMissingKeys)
      .map((results) => toKubectlJson(results))
      .join('');
  }
}

function printValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof FloatValue) return goFloat(value.value);
  if (typeof value === 'object') return toGoJson(value);
  return goSprint(value);
}

function printResults(results: unknown[]): string {
  return results.map(printValue).join(' ');
}

/**
 * kubectl wait's --for forms: delete, create, condition=Name[=value], jsonpath={expr}[=value],
 * and the checks each makes on an object.
 */
import { PlainError } from '../../errors/errors.js';
import { JsonPath } from '../../printers/jsonpath/jsonpath.js';
import type { KubeObject } from '../../resources/kube-object.js';

/** A parsed --for. */
export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  | { kind: 'jsonpath'; path: JsonPath; value: string | undefined };

/** Parses --for as kubectl's conditionFuncFor does. */
export function parseWaitFor(text: string): WaitFor {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const at = rest.indexOf('=');
    const name = at < 0 ? rest : rest.slice(0, at);
    const value = at < 0 ? 'true' : rest.slice(at + 1);
    return { kind: 'condition', name, value };
  }
  if (lower.startsWith('jsonpath=')) {
    const { expression, value } = splitJsonPath(text.slice('jsonpath='.length));
    if (value === '') throw new PlainError('jsonpath wait has to have a value after equal sign');
    let path: JsonPath;
    const template = relaxed(expression);
    try {
      path = new JsonPath(template);
    } catch (error) {
      throw new PlainError(
        `unrecognized condition: ${JSON.stringify(text)}: ${(error as Error).message}`,
      );
    }
    return { kind: 'jsonpath', path, value };
  }
  throw new PlainError(`unrecognized condition: ${JSON.stringify(text)}`);
}

/** Splits `{expr}=value` on the first single `=` outside the braces. */
function splitJsonPath(text: string): { expression: string; value: string | undefined } {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '=' && depth === 0) {
      const value = text.slice(i + 1).replace(/^['"]+|['"]+$/g, '');
      return { expression: text.slice(0, i), value };
    }
  }
  return { expression: text, value: undefined };
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` become `{.a.b}`; anything else fails. */
function relaxed(expression: string): string {
  if (expression === '') return expression;
  const match = RELAXED.exec(expression);
  if (!match)
    throw new PlainError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return `{.${match[1] || match[2] || ''}}`;
}

interface Condition {
  type?: string;
  status?: string;
  observedGeneration?: number;
}

/** Whether the object has the condition with the value (stale observedGeneration ignored). */
export function conditionMet(object: KubeObject, name: string, value: string): boolean {
  const status = object['status'] as { conditions?: Condition[] } | undefined;
  const generation = object.metadata?.['generation'];
  for (const condition of status?.conditions ?? []) {
    if ((condition.type ?? '').toLowerCase() !== name.toLowerCase()) continue;
    if (
      typeof generation === 'number' &&
      condition.observedGeneration !== undefined &&
      condition.observedGeneration !== generation
    )
      continue;
    return (condition.status ?? '').toLowerCase() === value.toLowerCase();
  }
  return false;
}

/** Whether the JSONPath matches (one primitive equal to the value, or any value when none given). */
export function jsonPathMet(
  object: KubeObject,
  path: JsonPath,
  value: string | undefined,
): boolean {
  const results = path.findResults(object).flat();
  if (results.length === 0) return false;
  if (value === undefined) return results.some((r) => r !== undefined && r !== null && r !== '');
  if (results.length > 1)
    throw new PlainError('given jsonpath expression matches more than one value');
  const only = results[0];
  if (only !== null && typeof only === 'object')
    throw new PlainError('jsonpath leads to a nested object or list which is not supported');
  return String(only) === value;
}

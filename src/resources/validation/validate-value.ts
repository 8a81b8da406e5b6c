import type { PathSegment } from '../manifest/manifest-types.js';
import { didYouMean } from './did-you-mean.js';
import type { OpenApiDocument, OpenApiSchema } from './schema-types.js';
import { resolveSchema } from './schema-types.js';

/** One schema violation at a field path. */
export interface SchemaProblem {
  path: PathSegment[];
  message: string;
}

/**
 * Validates a value against an OpenAPI v3 schema: unknown fields (with a suggestion), wrong
 * types, missing required fields, enums, int-or-string, preserve-unknown-fields and embedded
 * resources. `null` is accepted anywhere (the server treats it as unset).
 */
export function validateValue(
  value: unknown,
  schema: OpenApiSchema,
  document: OpenApiDocument,
  path: PathSegment[] = [],
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  visit(value, schema, document, path, problems);
  return problems;
}

function visit(
  value: unknown,
  raw: OpenApiSchema,
  document: OpenApiDocument,
  path: PathSegment[],
  problems: SchemaProblem[],
): void {
  if (value === null || value === undefined) return;
  const { schema, name } = resolveSchema(raw, document);
  const add = (message: string, at: PathSegment[] = path): void => {
    problems.push({ path: at, message });
  };
  if (isIntOrString(schema)) {
    if (!(typeof value === 'string' || Number.isInteger(value)))
      add(`expected an integer or a string, got ${describe(value)}`);
    return;
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (!schema.type && !schema.properties && alternatives && alternatives.length > 0) {
    const fits = alternatives.some((alt) => validateValue(value, alt, document, path).length === 0);
    if (!fits)
      add(
        `expected ${alternatives.map((a) => expected(a, document)).join(' or ')}, got ${describe(value)}`,
      );
    return;
  }
  const type = schema.type ?? (schema.properties || schema.additionalProperties ? 'object' : '');
  if (!typeMatches(type, value)) {
    add(`expected ${article(type)}, got ${describe(value)}`);
    return;
  }
  if (schema.enum && schema.enum.length > 0 && !schema.enum.some((e) => e === value)) {
    const supported = schema.enum.map((e) => JSON.stringify(e)).join(', ');
    add(`unsupported value ${JSON.stringify(value)}: supported values: ${supported}`);
  }
  if (type === 'array' && Array.isArray(value) && schema.items) {
    value.forEach((item, index) =>
      visit(item, schema.items!, document, [...path, index], problems),
    );
    return;
  }
  if (type === 'object' && isPlainObject(value)) {
    visitObject(value, schema, document, path, problems, name);
  }
}

function visitObject(
  value: Record<string, unknown>,
  schema: OpenApiSchema,
  document: OpenApiDocument,
  path: PathSegment[],
  problems: SchemaProblem[],
  typeName: string | undefined,
): void {
  if (schema['x-kubernetes-embedded-resource']) {
    for (const field of ['apiVersion', 'kind'])
      if (typeof value[field] !== 'string' || value[field] === '')
        problems.push({ path: [...path, field], message: 'required field is missing' });
  }
  const properties = schema.properties ?? {};
  for (const field of schema.required ?? []) {
    if (value[field] === undefined)
      problems.push({ path: [...path, field], message: 'required field is missing' });
  }
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const extra = schema.additionalProperties;
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const known = properties[key];
    if (known) visit(child, known, document, childPath, problems);
    else if (typeof extra === 'object') visit(child, extra, document, childPath, problems);
    else if (extra === true || preserve) continue;
    else if (schema.properties || typeName) {
      problems.push({
        path: childPath,
        message: unknownFieldMessage(key, Object.keys(properties), typeName),
      });
    }
  }
}

function unknownFieldMessage(key: string, known: string[], typeName: string | undefined): string {
  const suggestion = didYouMean(key, known);
  const where = typeName ? ` in ${typeName}` : '';
  return `unknown field "${key}"${where}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

function isIntOrString(schema: OpenApiSchema): boolean {
  return schema['x-kubernetes-int-or-string'] === true || schema.format === 'int-or-string';
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

function expected(schema: OpenApiSchema, document: OpenApiDocument): string {
  return article(resolveSchema(schema, document).schema.type ?? 'value');
}

function article(type: string): string {
  if (type === 'integer' || type === 'object' || type === 'array') return `an ${type}`;
  return `a ${type}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  if (typeof value === 'string') return `a string (${JSON.stringify(value)})`;
  if (typeof value === 'number')
    return Number.isInteger(value) ? `an integer (${value})` : `a number (${value})`;
  if (typeof value === 'boolean') return `a boolean (${value})`;
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { OpenAPIV3 } from 'openapi-types';
import { PlainError } from '../../errors/errors.js';
import type { GroupVersionKind } from '../../discovery/index.js';
import type { SchemaContext, SchemaNode } from './schema-walk.js';
import { propertiesOf, refNames, schemaChain, typeGuess } from './schema-walk.js';
import { indent, wordWrap } from './word-wrap.js';

/** What to explain: a resource of a group-version, and a path of fields below it. */
export interface ExplainRequest {
  group: string;
  version: string;
  resource: string;
  fieldPath: string[];
  recursive: boolean;
}

/** kubectl explain's plaintext output (its plaintext.tmpl over OpenAPI v3) for one document. */
export function renderPlaintext(document: OpenAPIV3.Document, request: ExplainRequest): string {
  const context: SchemaContext = { document };
  const gvk = kindOfResource(document, request);
  if (!gvk) {
    const gvr = `${request.group}/${request.version}, Resource=${request.resource}`;
    throw new PlainError(`GVR (${gvr}) not found in OpenAPI schema`);
  }
  const schema = schemaOfKind(document, gvk);
  if (!schema)
    throw new PlainError(
      `GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema`,
    );
  let out = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  try {
    out += output(context, schema, request.fieldPath, request.fieldPath, request.recursive);
  } catch (error) {
    if (error instanceof PlainError) throw new ExplainError(error.message, out);
    throw error;
  }
  return `${out}\n`;
}

/** A failure after kubectl's template already printed the header (it is printed, then the error). */
export class ExplainError extends PlainError {
  readonly printed: string;
  constructor(message: string, printed: string) {
    super(message);
    this.printed = printed;
  }
}

function output(
  context: SchemaContext,
  node: SchemaNode,
  path: string[],
  fullPath: string[],
  recursive: boolean,
): string {
  if (path.length === 0) {
    const description = descriptionChain(context, node) || '<empty>';
    let out = `DESCRIPTION:\n${indent(wordWrap(description, 76), 4)}\n`;
    const fields = fieldList(context, node, 1, recursive, new Set(refNames(node)));
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  const [name = '', ...rest] = path;
  const field = propertiesOf(context, node).properties[name];
  if (field === undefined)
    throw new PlainError(`field "${fullPath[fullPath.length - 1]}" does not exist`);
  let out = '';
  if (rest.length === 0)
    out += `FIELD: ${name} <${typeGuess(context, field)}>\n${enumLong(field)}\n\n`;
  return out + output(context, field, rest, fullPath, recursive);
}

function fieldList(
  context: SchemaContext,
  node: SchemaNode,
  level: number,
  recursive: boolean,
  history: Set<string>,
): string {
  const { properties, required } = propertiesOf(context, node);
  let out = '';
  for (const name of Object.keys(properties).sort()) {
    const field = properties[name];
    const flag = required.includes(name) ? ' -required-' : '';
    out += `${indent(name, level * 2)}\t<${typeGuess(context, field)}>${flag}\n`;
    const enums = enumShort(field);
    if (enums) out += `${indent(enums, level * 2)}\n`;
    if (!recursive) {
      const own =
        typeof field === 'object' && field !== null && 'description' in field
          ? field.description
          : '';
      const text = own ? wordWrap(own, 78 - level * 2) : '<no description>';
      out += `${indent(text, level * 2 + 2)}\n\n`;
      continue;
    }
    const refs = refNames(field);
    if (refs.some((ref) => history.has(ref))) continue;
    out += fieldList(context, field, level + 1, recursive, new Set([...history, ...refs]));
  }
  return out;
}

/** Descriptions of the node and of the schemas it stands for, each ending in a newline. */
function descriptionChain(context: SchemaContext, node: SchemaNode): string {
  return schemaChain(context, node)
    .map((schema) => (schema.description ? `${schema.description}\n` : ''))
    .join('');
}

function enumValues(node: SchemaNode): unknown[] {
  if (typeof node !== 'object' || node === null || !('enum' in node)) return [];
  return node.enum ?? [];
}

function enumText(value: unknown): string {
  return value === '' ? '""' : String(value);
}

/** `ENUM:` with one value a line (the FIELD view). */
function enumLong(node: SchemaNode): string {
  const values = enumValues(node);
  if (values.length === 0) return '';
  return `ENUM:${values.map((v) => `\n    ${enumText(v)}`).join('')}`;
}

/** `enum: a, b, c, d, ....` (at most four values, in field lists). */
function enumShort(node: SchemaNode): string {
  const values = enumValues(node);
  if (values.length === 0) return '';
  const shown = values.slice(0, 4).map(enumText).join(', ');
  return `enum: ${shown}${values.length > 4 ? ', ....' : ''}`;
}

/** The kind served at a resource's path (the x-kubernetes-group-version-kind of its operations). */
function kindOfResource(
  document: OpenAPIV3.Document,
  request: ExplainRequest,
): GroupVersionKind | undefined {
  const prefix = request.group ? `/apis/${request.group}` : '/api';
  const candidates = [
    `${prefix}/${request.version}/${request.resource}`,
    `${prefix}/${request.version}/namespaces/{namespace}/${request.resource}`,
  ];
  for (const path of candidates) {
    const item = document.paths?.[path] as Record<string, unknown> | undefined;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const operation = item?.[method] as
        { 'x-kubernetes-group-version-kind'?: GroupVersionKind } | undefined;
      const gvk = operation?.['x-kubernetes-group-version-kind'];
      if (gvk) return gvk;
    }
  }
  return undefined;
}

function schemaOfKind(
  document: OpenAPIV3.Document,
  gvk: GroupVersionKind,
): OpenAPIV3.SchemaObject | undefined {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    const kinds = (schema as { 'x-kubernetes-group-version-kind'?: GroupVersionKind[] })[
      'x-kubernetes-group-version-kind'
    ];
    if (
      kinds?.some((k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind)
    )
      return schema as OpenAPIV3.SchemaObject;
  }
  return undefined;
}

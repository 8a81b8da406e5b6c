import type { OpenAPIV3 } from 'openapi-types';
import { isReference, resolveSchema } from '../../discovery/index.js';

/** A schema node as found in a document: an object, a reference, or a bare boolean. */
export type SchemaNode = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | boolean | undefined;

/** What the explain templates need about one document. */
export interface SchemaContext {
  document: OpenAPIV3.Document;
}

/**
 * The node and the schemas it stands for, in order: itself, its $ref target, single allOf
 * members, and the element schema of arrays and maps (explain describes them by their items).
 */
export function schemaChain(context: SchemaContext, node: SchemaNode): OpenAPIV3.SchemaObject[] {
  const chain: OpenAPIV3.SchemaObject[] = [];
  const visit = (current: SchemaNode, depth: number): void => {
    if (depth > 16 || current === undefined || typeof current === 'boolean') return;
    const schema = isReference(current) ? resolveSchema(context.document, current) : current;
    if (!schema || chain.includes(schema)) return;
    chain.push(schema);
    for (const member of schema.allOf ?? []) visit(member, depth + 1);
    if ('items' in schema) visit(schema.items, depth + 1);
    if (typeof schema.additionalProperties === 'object')
      visit(schema.additionalProperties, depth + 1);
  };
  visit(node, 0);
  return chain;
}

/** The properties explain lists for a node: those of the first schema in its chain having any. */
export function propertiesOf(
  context: SchemaContext,
  node: SchemaNode,
): { properties: Record<string, SchemaNode>; required: string[] } {
  for (const schema of schemaChain(context, node)) {
    if (schema.properties && Object.keys(schema.properties).length > 0)
      return { properties: schema.properties, required: schema.required ?? [] };
  }
  return { properties: {}, required: [] };
}

/** The `$ref` names a node leads through (recursion guard of --recursive). */
export function refNames(node: SchemaNode): string[] {
  if (node === undefined || typeof node === 'boolean') return [];
  if (isReference(node)) return [node.$ref];
  const names = (node.allOf ?? []).flatMap((member) => refNames(member));
  if ('items' in node) names.push(...refNames(node.items));
  if (typeof node.additionalProperties === 'object')
    names.push(...refNames(node.additionalProperties));
  return names;
}

/** kubectl's typeGuess: `[]Container`, `map[string]string`, `ObjectMeta`, `integer`, `Object`. */
export function typeGuess(context: SchemaContext, node: SchemaNode): string {
  if (node === undefined || typeof node === 'boolean') return 'Object';
  if (isReference(node)) {
    const target = resolveSchema(context.document, node);
    if (!target || !target.type || target.type === 'object') {
      const name = node.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return String(target.type);
  }
  if ('items' in node && node.items) return `[]${typeGuess(context, node.items)}`;
  if (node.additionalProperties) {
    const inner = node.additionalProperties === true ? undefined : node.additionalProperties;
    return `map[string]${typeGuess(context, inner)}`;
  }
  if (node.allOf && node.allOf.length === 1 && !node.properties)
    return typeGuess(context, node.allOf[0]);
  return !node.type || node.type === 'object' ? 'Object' : String(node.type);
}

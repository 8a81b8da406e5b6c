/** The parts of an OpenAPI v3 schema (as the API server publishes it) that ktl reads. */
export interface OpenApiSchema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  required?: string[];
  enum?: unknown[];
  nullable?: boolean;
  allOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  $ref?: string;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

/** One group-version's OpenAPI v3 document (/openapi/v3/apis/apps/v1). */
export interface OpenApiDocument {
  components?: { schemas?: Record<string, OpenApiSchema> };
  paths?: Record<string, unknown>;
}

/** A schema together with the document its $refs point into. */
export interface SchemaContext {
  /** The definition name, e.g. io.k8s.api.apps.v1.Deployment. */
  name: string;
  schema: OpenApiSchema;
  document: OpenApiDocument;
}

/** A group, version and kind. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Splits an apiVersion ("apps/v1" or "v1") into group and version. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The OpenAPI v3 path of a group-version's document: `api/v1` or `apis/apps/v1`. */
export function openApiPathFor(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** The name of a `#/components/schemas/X` reference. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * The schema after following `$ref` and single-element `allOf` wrappers (how the server
 * attaches descriptions and defaults to a referenced type). Returns the resolved schema and its
 * definition name when it came from a reference.
 */
export function resolveSchema(
  schema: OpenApiSchema,
  document: OpenApiDocument,
): { schema: OpenApiSchema; name?: string } {
  let current = schema;
  let name: string | undefined;
  for (let depth = 0; depth < 16; depth++) {
    if (current.$ref) {
      name = refName(current.$ref);
      const target = document.components?.schemas?.[name];
      if (!target) return { schema: {}, name };
      current = target;
      continue;
    }
    const only = current.allOf?.length === 1 ? current.allOf[0] : undefined;
    if (only && !current.properties && !current.type) {
      current = { ...only, ...withoutAllOf(current) };
      continue;
    }
    break;
  }
  return name === undefined ? { schema: current } : { schema: current, name };
}

function withoutAllOf(schema: OpenApiSchema): OpenApiSchema {
  const copy: OpenApiSchema = { ...schema };
  delete copy.allOf;
  return copy;
}

/** Finds the definition of a kind in a group-version document. */
export function findKindSchema(
  document: OpenApiDocument,
  gvk: GroupVersionKind,
): SchemaContext | undefined {
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const kinds = schema['x-kubernetes-group-version-kind'] ?? [];
    if (
      kinds.some((k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind)
    )
      return { name, schema, document };
  }
  return undefined;
}

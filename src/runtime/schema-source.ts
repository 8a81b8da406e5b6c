import type { OpenApiDocument, SchemaContext } from '../resources/validation/schema-types.js';
import { findKindSchema, openApiPathFor } from '../resources/validation/schema-types.js';
import type { GroupVersionKind } from '../resources/validation/schema-types.js';
import type { OpenApiV3Client } from '../discovery/index.js';

/** Where the OpenAPI client comes from (the Factory's); `refresh` reads the index again. */
export type OpenApiSource = (policy: 'cached' | 'refresh') => Promise<OpenApiV3Client>;

/**
 * The server's OpenAPI v3 documents by group-version, through the Factory's OpenAPI client:
 * each document is fetched by its ?hash= URL once and then read from disk until the hash
 * changes, and the last known index serves offline runs (--dry-run=client with no server).
 * Unavailable documents are undefined.
 */
export class SchemaSource {
  private readonly openapiSource: OpenApiSource;
  private client: Promise<OpenApiV3Client> | undefined;
  /** Whether a CRD changed since the index was read: the next client reads it again. */
  private stale = false;
  private readonly documents = new Map<string, Promise<OpenApiDocument | undefined>>();

  constructor(openapiSource: OpenApiSource) {
    this.openapiSource = openapiSource;
  }

  /** The OpenAPI v3 document of a group-version. */
  document(group: string, version: string): Promise<OpenApiDocument | undefined> {
    const path = openApiPathFor(group, version);
    let found = this.documents.get(path);
    if (!found) {
      found = this.fetchDocument(group, version);
      this.documents.set(path, found);
    }
    return found;
  }

  /** Forgets a group-version (after its CRD was created or changed): the index is read again. */
  forget(group: string, version: string): void {
    this.documents.delete(openApiPathFor(group, version));
    this.client = undefined;
    this.stale = true;
  }

  /** The schema of a kind, with its document. */
  async schemaFor(gvk: GroupVersionKind): Promise<SchemaContext | undefined> {
    const document = await this.document(gvk.group, gvk.version);
    return document ? findKindSchema(document, gvk) : undefined;
  }

  private async fetchDocument(
    group: string,
    version: string,
  ): Promise<OpenApiDocument | undefined> {
    try {
      const client = await this.openapi();
      return (await client.documentFor(group, version)) as OpenApiDocument | undefined;
    } catch {
      return undefined;
    }
  }

  private openapi(): Promise<OpenApiV3Client> {
    if (this.client) return this.client;
    const client = this.openapiSource(this.stale ? 'refresh' : 'cached');
    this.client = client;
    this.stale = false;
    return client;
  }
}

interface PathOperation {
  'x-kubernetes-group-version-kind'?: GroupVersionKind;
  requestBody?: { content?: Record<string, unknown> };
}

/**
 * Whether the server accepts a strategic merge patch for a kind (kubectl's first test in
 * patcher.go): the PATCH operation of the kind in the OpenAPI v3 document lists
 * application/strategic-merge-patch+json.
 */
export function acceptsStrategicMerge(
  document: OpenApiDocument | undefined,
  gvk: GroupVersionKind,
): boolean {
  for (const item of Object.values(document?.paths ?? {})) {
    const patch = (item as { patch?: PathOperation }).patch;
    const kind = patch?.['x-kubernetes-group-version-kind'];
    if (!kind || kind.group !== gvk.group || kind.version !== gvk.version || kind.kind !== gvk.kind)
      continue;
    if (
      Object.keys(patch?.requestBody?.content ?? {}).includes(
        'application/strategic-merge-patch+json',
      )
    )
      return true;
  }
  return false;
}

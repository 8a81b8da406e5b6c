import type { OpenApiDocument, SchemaContext } from '../../resources/validation/schema-types.js';
import { findKindSchema, openApiPathFor } from '../../resources/validation/schema-types.js';
import type { GroupVersionKind } from '../../resources/validation/schema-types.js';
import type { Factory } from '../factory.js';

interface OpenApiIndex {
  paths?: Record<string, { serverRelativeURL?: string }>;
}

/**
 * The server's OpenAPI v3 documents by group-version, fetched once per run (the index, then a
 * document per group-version when first needed). Unavailable documents are undefined.
 */
export class SchemaSource {
  private readonly factory: Factory;
  private indexPromise: Promise<OpenApiIndex | undefined> | undefined;
  private readonly documents = new Map<string, Promise<OpenApiDocument | undefined>>();

  constructor(factory: Factory) {
    this.factory = factory;
  }

  /** The OpenAPI v3 document of a group-version. */
  document(group: string, version: string): Promise<OpenApiDocument | undefined> {
    const path = openApiPathFor(group, version);
    let found = this.documents.get(path);
    if (!found) {
      found = this.fetchDocument(path);
      this.documents.set(path, found);
    }
    return found;
  }

  /** Forgets a group-version (after its CRD was created or changed). */
  forget(group: string, version: string): void {
    this.documents.delete(openApiPathFor(group, version));
    this.indexPromise = undefined;
  }

  /** The schema of a kind, with its document. */
  async schemaFor(gvk: GroupVersionKind): Promise<SchemaContext | undefined> {
    const document = await this.document(gvk.group, gvk.version);
    return document ? findKindSchema(document, gvk) : undefined;
  }

  private async fetchDocument(path: string): Promise<OpenApiDocument | undefined> {
    const index = await this.index();
    const url = index?.paths?.[path]?.serverRelativeURL;
    if (!url) return undefined;
    const client = await this.factory.client();
    try {
      return await client.json<OpenApiDocument>({ path: url });
    } catch {
      return undefined;
    }
  }

  private index(): Promise<OpenApiIndex | undefined> {
    this.indexPromise ??= this.factory
      .client()
      .then((client) => client.json<OpenApiIndex>({ path: '/openapi/v3' }))
      .catch(() => undefined);
    return this.indexPromise;
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

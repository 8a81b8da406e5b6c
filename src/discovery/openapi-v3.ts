import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { statusErrorFromResponse } from '../transport/status-error.js';
import { openapiCacheDir } from './cache-path.js';
import { writeAtomic } from './disk-cache.js';
import type { DiscoveryHttp } from './fetch-live.js';
import type { GroupVersionKind } from './types.js';

/** The /openapi/v3 index: group-version paths and their hash URLs. */
export interface OpenApiV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}

interface StoredIndex {
  etag?: string;
  index: OpenApiV3Index;
}

/**
 * OpenAPI v3 documents of one server. The index is fetched once per process (revalidated
 * with If-None-Match when the server gave an ETag); each group-version document is fetched by
 * its `?hash=` URL and kept under `<cache>/ktl-openapi/<host>/` until the hash changes, so a
 * warm cache makes no request for a schema.
 */
export class OpenApiV3Client {
  private readonly http: () => Promise<DiscoveryHttp>;
  private readonly dir: string;
  private indexPromise: Promise<OpenApiV3Index> | undefined;
  private readonly documents = new Map<string, Promise<OpenAPIV3.Document>>();

  constructor(options: { http: () => Promise<DiscoveryHttp>; cacheRoot: string; host: string }) {
    this.http = options.http;
    this.dir = openapiCacheDir(options.cacheRoot, options.host);
  }

  /** The index of group-version documents ("api/v1", "apis/apps/v1", ...). */
  index(): Promise<OpenApiV3Index> {
    this.indexPromise ??= this.loadIndex();
    return this.indexPromise;
  }

  /** The document for a group-version path such as "apis/apps/v1"; undefined if not served. */
  async document(path: string): Promise<OpenAPIV3.Document | undefined> {
    const url = (await this.index()).paths[path]?.serverRelativeURL;
    if (!url) return undefined;
    let pending = this.documents.get(url);
    if (!pending) {
      pending = this.loadDocument(path, url);
      this.documents.set(url, pending);
    }
    return pending;
  }

  /** The document serving a group-version ("" group is the core API). */
  documentFor(group: string, version: string): Promise<OpenAPIV3.Document | undefined> {
    return this.document(group ? `apis/${group}/${version}` : `api/${version}`);
  }

  /** The schema of a kind with its document, for resolving $refs; undefined if unknown. */
  async schemaFor(gvk: GroupVersionKind): Promise<KindSchema | undefined> {
    const document = await this.documentFor(gvk.group, gvk.version);
    if (!document) return undefined;
    const schemas = document.components?.schemas ?? {};
    for (const [name, schema] of Object.entries(schemas)) {
      if (isReference(schema)) continue;
      const kinds = (schema as KindExtensions)['x-kubernetes-group-version-kind'] ?? [];
      if (
        kinds.some((k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind)
      )
        return { name, schema, document, resolve: (node) => resolveSchema(document, node) };
    }
    return undefined;
  }

  /**
   * The index, revalidated with its ETag when the server gave one. It is always kept on disk,
   * so that with no server reachable the last known index (and the documents it names, kept
   * by hash) still serve validation and explain offline.
   */
  private async loadIndex(): Promise<OpenApiV3Index> {
    const file = join(this.dir, 'index.json');
    const stored = await readJson<StoredIndex>(file);
    const headers: Record<string, string> = stored?.etag ? { 'if-none-match': stored.etag } : {};
    let response;
    try {
      response = await (
        await this.http()
      ).request({
        path: '/openapi/v3',
        accept: 'application/json',
        headers,
        allowErrorStatus: true,
      });
    } catch (error) {
      if (stored) return stored.index;
      throw error;
    }
    if (response.status === 304 && stored) return stored.index;
    if (response.status < 200 || response.status > 299) {
      const type = response.headers['content-type'];
      throw statusErrorFromResponse(response.status, response.body, type, '');
    }
    const text = response.body.toString('utf8');
    const index = JSON.parse(text) as OpenApiV3Index;
    const etag = typeof response.headers.etag === 'string' ? response.headers.etag : undefined;
    if (!stored || stored.etag !== etag || JSON.stringify(stored.index) !== JSON.stringify(index)) {
      await writeAtomic(file, JSON.stringify(etag ? { etag, index } : { index })).catch(
        () => undefined,
      );
    }
    return index;
  }

  private async loadDocument(path: string, url: string): Promise<OpenAPIV3.Document> {
    const hash = /[?&]hash=([0-9A-Fa-f]+)/.exec(url)?.[1];
    const base = path.replace(/[^\w.-]/g, '_');
    const file = hash ? join(this.dir, `${base}.${hash}.json`) : undefined;
    const cached = file ? await readJson<OpenAPIV3.Document>(file) : undefined;
    if (cached) return cached;
    const response = await (await this.http()).request({ path: url, accept: 'application/json' });
    const text = response.body.toString('utf8');
    const document = JSON.parse(text) as OpenAPIV3.Document;
    if (file) {
      await writeAtomic(file, text).catch(() => undefined);
      await removeOtherHashes(this.dir, base, file);
    }
    return document;
  }
}

/** A kind's schema, its name in components.schemas, and a $ref resolver for its document. */
export interface KindSchema {
  name: string;
  schema: OpenAPIV3.SchemaObject;
  document: OpenAPIV3.Document;
  resolve(
    node: OpenAPIV3.ReferenceObject | OpenAPIV3.SchemaObject | undefined,
  ): OpenAPIV3.SchemaObject | undefined;
}

interface KindExtensions {
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

/** Whether a node is a `{"$ref": ...}`. */
export function isReference(node: unknown): node is OpenAPIV3.ReferenceObject {
  return (
    typeof node === 'object' &&
    node !== null &&
    typeof (node as { $ref?: unknown }).$ref === 'string'
  );
}

/** Follows `#/components/schemas/<name>` references (chains included) to a schema object. */
export function resolveSchema(
  document: OpenAPIV3.Document,
  node: OpenAPIV3.ReferenceObject | OpenAPIV3.SchemaObject | undefined,
): OpenAPIV3.SchemaObject | undefined {
  let current: unknown = node;
  for (let hops = 0; hops < 32 && isReference(current); hops++) {
    const name = current.$ref.replace(/^#\/components\/schemas\//, '');
    current = document.components?.schemas?.[name];
  }
  return current as OpenAPIV3.SchemaObject | undefined;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function removeOtherHashes(dir: string, base: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(`${base}.`) && join(dir, n) !== keep);
  await Promise.all(stale.map((n) => unlink(join(dir, n)).catch(() => undefined)));
}

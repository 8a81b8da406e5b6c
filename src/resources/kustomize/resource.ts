import type { JsonObject } from '../patch/json-value.js';
import { cloneJson, isJsonObject } from '../patch/json-value.js';
import type { Gvk, ResId } from './gvk.js';
import { gvkOf, metadataOf } from './gvk.js';

/** How a generated object meets an existing one of the same id. */
export type Behavior = 'create' | 'merge' | 'replace';

/**
 * One object of a build, with the bookkeeping kustomize keeps in build annotations: the names
 * and namespaces it had before (name references are fixed by matching them), the prefixes and
 * suffixes added, and generator options.
 */
export class Resource {
  object: JsonObject;
  /** Ids before each rename (kustomize's previousNames/Namespaces/Kinds), oldest first. */
  previousIds: ResId[] = [];
  prefixes: string[] = [];
  suffixes: string[] = [];
  behavior: Behavior = 'create';
  needsHash = false;
  /** Vars referenced from this object (for the unused-var check). */
  refVarNames: string[] = [];
  /** The file it came from, for messages. */
  readonly source: string;

  constructor(object: JsonObject, source: string) {
    this.object = object;
    this.source = source;
  }

  clone(): Resource {
    const copy = new Resource(cloneJson(this.object), this.source);
    copy.previousIds = this.previousIds.map((id) => ({ ...id, gvk: { ...id.gvk } }));
    copy.prefixes = [...this.prefixes];
    copy.suffixes = [...this.suffixes];
    copy.behavior = this.behavior;
    copy.needsHash = this.needsHash;
    copy.refVarNames = [...this.refVarNames];
    return copy;
  }

  /** The last gvk computed, with the apiVersion and kind it was computed from. */
  private gvkSeen: { apiVersion: unknown; kind: unknown; gvk: Gvk } | undefined;

  get gvk(): Gvk {
    const apiVersion = this.object['apiVersion'];
    const kind = this.object['kind'];
    const seen = this.gvkSeen;
    if (seen && seen.apiVersion === apiVersion && seen.kind === kind) return seen.gvk;
    const gvk = gvkOf(this.object);
    this.gvkSeen = { apiVersion, kind, gvk };
    return gvk;
  }
  get kind(): string {
    return this.gvk.kind;
  }
  get name(): string {
    const name = metadataOf(this.object)['name'];
    return typeof name === 'string' ? name : '';
  }
  get namespace(): string {
    const namespace = metadataOf(this.object)['namespace'];
    return typeof namespace === 'string' ? namespace : '';
  }

  setName(name: string): void {
    this.ensureMetadata()['name'] = name;
  }

  /** Sets metadata.namespace, removing it when empty. */
  setNamespace(namespace: string): void {
    const metadata = this.ensureMetadata();
    if (namespace === '') delete metadata['namespace'];
    else metadata['namespace'] = namespace;
  }

  curId(): ResId {
    return { gvk: this.gvk, name: this.name, namespace: this.namespace };
  }

  /** The id it was first given (before any prefix, namespace or hash). */
  orgId(): ResId {
    return this.previousIds[0] ?? this.curId();
  }

  /** Every id it has had: the previous ones and the current one. */
  allIds(): ResId[] {
    return [...this.previousIds, this.curId()];
  }

  storePreviousId(): void {
    this.previousIds.push(this.curId());
  }

  labels(): Record<string, string> {
    return stringMap(metadataOf(this.object)['labels']);
  }
  annotations(): Record<string, string> {
    return stringMap(metadataOf(this.object)['annotations']);
  }

  /** Replaces metadata.labels or .annotations (removed when empty). */
  setStringMap(field: 'labels' | 'annotations', values: Record<string, string>): void {
    const metadata = this.ensureMetadata();
    if (Object.keys(values).length === 0) delete metadata[field];
    else metadata[field] = { ...values };
  }

  private ensureMetadata(): JsonObject {
    const metadata = this.object['metadata'];
    if (isJsonObject(metadata)) return metadata;
    const created: JsonObject = {};
    this.object['metadata'] = created;
    return created;
  }
}

function stringMap(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) result[key] = String(item);
  return result;
}

import type { ResId } from './gvk.js';
import { effectiveNamespace, gvkString, resIdEquals, resIdString } from './gvk.js';

/** A string equal for ids that ResId.Equals calls equal. */
export function idKey(id: ResId): string {
  return `${gvkString(id.gvk)}\u0000${id.name}\u0000${effectiveNamespace(id.gvk, id.namespace)}`;
}
import { KustomizeError } from './errors.js';
import type { Resource } from './resource.js';

/** An ordered set of resources with unique current ids (kustomize's ResMap). */
export class ResMap {
  resources: Resource[] = [];

  append(resource: Resource): void {
    this.appendAll([resource]);
  }

  /** Appends in order; an id already present (now or earlier in the list) is an error. */
  appendAll(resources: readonly Resource[]): void {
    const seen = new Set(this.resources.map((r) => idKey(r.curId())));
    for (const resource of resources) {
      const id = resource.curId();
      const key = idKey(id);
      if (seen.has(key))
        throw new KustomizeError(
          `may not add resource with an already registered id: ${resIdString(id)}`,
        );
      seen.add(key);
      this.resources.push(resource);
    }
  }

  /** Resources any of whose ids (previous or current) equal `id`. */
  matchingAnyId(id: ResId): Resource[] {
    return this.resources.filter((r) => r.allIds().some((other) => resIdEquals(other, id)));
  }

  replace(old: Resource, replacement: Resource): void {
    const index = this.resources.indexOf(old);
    if (index >= 0) this.resources[index] = replacement;
  }

  remove(resource: Resource): void {
    this.resources = this.resources.filter((r) => r !== resource);
  }
}

import type { ResId } from './gvk.js';
import { resIdEquals, resIdString } from './gvk.js';
import { KustomizeError } from './errors.js';
import type { Resource } from './resource.js';

/** An ordered set of resources with unique current ids (kustomize's ResMap). */
export class ResMap {
  resources: Resource[] = [];

  append(resource: Resource): void {
    const id = resource.curId();
    if (this.resources.some((r) => resIdEquals(r.curId(), id)))
      throw new KustomizeError(
        `may not add resource with an already registered id: ${resIdString(id)}`,
      );
    this.resources.push(resource);
  }

  appendAll(resources: readonly Resource[]): void {
    for (const resource of resources) this.append(resource);
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

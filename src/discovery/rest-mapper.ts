import { CliError, NoResourceTypeError } from '../errors/errors.js';
import type { DiscoveryClient } from './discovery-client.js';
import type { ResourceMapping } from './mapper-model.js';
import { mappingOn, partialResource } from './mapping-for.js';
import { MapperModel } from './mapper-model.js';
import { expandCategory, expandShortcut } from './shortcuts.js';
import type { GroupVersionKind } from './types.js';

/** A kind that is not served in the requested group-version (apply, manifests). */
export class NoKindMatchError extends CliError {
  constructor(gvk: GroupVersionKind) {
    const gv = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
    super(`no matches for kind "${gvk.kind}" in version "${gv}"`);
  }
}

/**
 * kubectl's REST mapper stack over cached discovery: categories, short names, then
 * resource-or-kind resolution with core-first priority. A miss while some discovery data came
 * from the disk cache refreshes discovery once and retries (DeferredDiscoveryRESTMapper), so
 * a CRD created a moment ago is found.
 */
export class RestMapper {
  private readonly discovery: DiscoveryClient;
  private readonly warn: (message: string) => void;
  private readonly warned = new Set<string>();
  private modelPromise: Promise<MapperModel> | undefined;

  constructor(discovery: DiscoveryClient, warn: (message: string) => void = () => undefined) {
    this.discovery = discovery;
    this.warn = (message) => {
      if (this.warned.has(message)) return;
      this.warned.add(message);
      warn(message);
    };
  }

  /**
   * Resolves a comma-separated list of types (`pods,svc`, `all`, `deployments.v1.apps`) into
   * mappings, expanding categories and dropping duplicates (the builder's resourceMappings).
   */
  async resolveTypes(types: string | readonly string[]): Promise<ResourceMapping[]> {
    const tokens = (typeof types === 'string' ? [types] : types).flatMap((t) => t.split(','));
    const expanded: string[] = [];
    for (const token of tokens) expanded.push(...(await this.expandAliases(token)));
    const mappings: ResourceMapping[] = [];
    for (const token of expanded) {
      const mapping = await this.mappingFor(token);
      if (!mappings.some((m) => sameKind(m, mapping))) mappings.push(mapping);
    }
    return mappings;
  }

  /**
   * One type argument as kubectl's builder.mappingFor resolves it. Unlike kubectl, every
   * reading of the argument is tried on the cached data before discovery is refreshed, so
   * `widgets.example.com` does not cost a refresh; the result is the same.
   */
  async mappingFor(arg: string): Promise<ResourceMapping> {
    const found = await this.withRefresh((model) => mappingOn(model, arg, this.warn));
    if (found) return found;
    throw new NoResourceTypeError(partialResource(arg).resource);
  }

  /** Every resource a bare name (or short name) could mean, in discovery order (explain). */
  async resourcesFor(name: string): Promise<ResourceMapping[]> {
    const input = { group: '', version: '', resource: name };
    const found = await this.withRefresh((model) => {
      const list = model.resourcesFor(expandShortcut(model.resourceLists, input, this.warn));
      return list.length > 0 ? list : undefined;
    });
    if (!found) throw new NoResourceTypeError(name);
    return found;
  }

  /** The one resource a bare name means, by priority (explain --api-version). */
  async resourceFor(name: string): Promise<ResourceMapping> {
    const input = { group: '', version: '', resource: name };
    const found = await this.withRefresh((model) =>
      model.resourceFor(expandShortcut(model.resourceLists, input, this.warn)),
    );
    if (!found) throw new NoResourceTypeError(name);
    return found;
  }

  /** The mapping for an object's apiVersion and kind (manifests); throws NoKindMatchError. */
  async mappingForGVK(gvk: GroupVersionKind): Promise<ResourceMapping> {
    const found = await this.withRefresh((m) => m.restMapping(gvk.group, gvk.kind, gvk.version));
    if (!found) throw new NoKindMatchError(gvk);
    return found;
  }

  /** Every resource known to discovery that a category names, or the token itself. */
  private async expandAliases(token: string): Promise<string[]> {
    const model = await this.model();
    const members = expandCategory(model.resourceLists, token);
    if (!members) return [token];
    return members.map((m) => (m.group ? `${m.resource}.${m.group}` : m.resource));
  }

  /** Runs a lookup; on a miss with cached data, refreshes discovery and runs it again. */
  private async withRefresh<T>(
    lookup: (model: MapperModel) => T | undefined,
  ): Promise<T | undefined> {
    for (;;) {
      const result = lookup(await this.model());
      if (result !== undefined || this.discovery.fresh()) return result;
      this.discovery.invalidate();
      this.modelPromise = undefined;
    }
  }

  private model(): Promise<MapperModel> {
    this.modelPromise ??= this.discovery.snapshot().then((snapshot) => new MapperModel(snapshot));
    return this.modelPromise;
  }
}

function sameKind(a: ResourceMapping, b: ResourceMapping): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

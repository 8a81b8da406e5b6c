import type { APIResource, APIResourceList, DiscoverySnapshot } from './types.js';

/** A resource type as commands use it: where it lives and what it is. */
export interface ResourceMapping {
  group: string;
  version: string;
  /** The plural resource name used in URLs ("pods", "deployments"). */
  resource: string;
  kind: string;
  namespaced: boolean;
  singularName: string;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  /** True for the `<Kind>List` and `List` types client-go guesses (not in discovery). */
  synthetic?: boolean;
}

/** A partially specified group/version/resource or kind; "" means unspecified. */
export interface PartialGVR {
  group: string;
  version: string;
  resource: string;
}

/** One plural/singular/kind row of a group-version (client-go DefaultRESTMapper.AddSpecific). */
interface Entry {
  plural: string;
  singular: string;
  kind: string;
  mapping: ResourceMapping;
}

/** The rows of one group-version, in the order client-go adds them. */
interface VersionMapper {
  group: string;
  version: string;
  entries: Entry[];
}

/** A group/version pattern of PriorityRESTMapper; "*" matches anything. */
interface Pattern {
  group: string;
  version: string;
}

const ANY = '*';

/**
 * client-go's discovery REST mapper (restmapper.NewDiscoveryRESTMapper: a PriorityRESTMapper
 * over one DefaultRESTMapper per group-version), built from a discovery snapshot. Pure.
 */
export class MapperModel {
  readonly resourceLists: APIResourceList[];
  private readonly mappers: VersionMapper[] = [];
  private readonly priority: Pattern[] = [{ group: '', version: 'v1' }];

  constructor(snapshot: DiscoverySnapshot) {
    this.resourceLists = [...snapshot.resources.values()];
    const groupNames: string[] = [];
    for (const group of snapshot.groups) {
      groupNames.push(group.name);
      const versionsWithResources = group.versions
        .map((v) => v.version)
        .filter((v) => snapshot.resources.has(gvKey(group.name, v)));
      const preferred = group.preferredVersion?.version ?? '';
      if (preferred && versionsWithResources.includes(preferred))
        this.priority.push({ group: group.name, version: preferred });
      for (const version of versionsWithResources) {
        if (version !== preferred) this.priority.push({ group: group.name, version });
        const list = snapshot.resources.get(gvKey(group.name, version));
        this.mappers.push(buildVersionMapper(group.name, version, list?.resources ?? []));
      }
    }
    for (const name of groupNames) this.priority.push({ group: name, version: ANY });
  }

  /** The kinds a resource name could mean (MultiRESTMapper.KindsFor), deduplicated. */
  kindsFor(input: PartialGVR): ResourceMapping[] {
    const wanted = { ...input, resource: input.resource.toLowerCase() };
    const found: ResourceMapping[] = [];
    for (const mapper of this.mappers) {
      for (const entry of matchInMapper(mapper, wanted)) {
        const mapping = this.mappingForKind(mapper, entry.kind);
        if (mapping && !found.some((m) => sameGVK(m, mapping))) found.push(mapping);
      }
    }
    return found;
  }

  /** The resources a name could mean, in discovery order (MultiRESTMapper.ResourcesFor). */
  resourcesFor(input: PartialGVR): ResourceMapping[] {
    const wanted = { ...input, resource: input.resource.toLowerCase() };
    const found: ResourceMapping[] = [];
    for (const mapper of this.mappers) {
      for (const entry of matchInMapper(mapper, wanted)) {
        const m = entry.mapping;
        if (
          !found.some(
            (f) => f.group === m.group && f.version === m.version && f.resource === m.resource,
          )
        )
          found.push(m);
      }
    }
    return found;
  }

  /** The one resource a name means, by priority (PriorityRESTMapper.ResourceFor). */
  resourceFor(input: PartialGVR): ResourceMapping | undefined {
    const candidates = this.resourcesFor(input);
    return candidates.length === 1 ? candidates[0] : this.pick(candidates, []);
  }

  /** The one kind a resource name means, by priority (PriorityRESTMapper.KindFor). */
  kindFor(input: PartialGVR): ResourceMapping | undefined {
    const candidates = this.kindsFor(input);
    return candidates.length === 1 ? candidates[0] : this.pick(candidates, []);
  }

  /** Mappings of a kind in its group (any version unless given); exact-case kind match. */
  restMappings(group: string, kind: string, version: string): ResourceMapping[] {
    const found: ResourceMapping[] = [];
    for (const mapper of this.mappers) {
      if (mapper.group !== group || (version && mapper.version !== version)) continue;
      const mapping = this.mappingForKind(mapper, kind);
      if (mapping) found.push(mapping);
    }
    return found;
  }

  /** The mapping for a group/kind, the given version first (PriorityRESTMapper.RESTMapping). */
  restMapping(group: string, kind: string, version: string): ResourceMapping | undefined {
    const candidates = this.restMappings(group, kind, version);
    if (candidates.length === 1) return candidates[0];
    const extra = version ? [{ group, version }] : [];
    return this.pick(candidates, extra);
  }

  /** Narrows candidates pattern by pattern until exactly one is left. */
  private pick(candidates: ResourceMapping[], first: Pattern[]): ResourceMapping | undefined {
    let remaining = candidates;
    for (const pattern of [...first, ...this.priority]) {
      const matching = remaining.filter((m) => patternMatches(pattern, m));
      if (matching.length === 1) return matching[0];
      if (matching.length > 1) remaining = matching;
    }
    return remaining.length === 1 ? remaining[0] : undefined;
  }

  private mappingForKind(mapper: VersionMapper, kind: string): ResourceMapping | undefined {
    let last: Entry | undefined;
    for (const entry of mapper.entries) {
      if (entry.kind === kind || (!entry.mapping.synthetic && entry.kind.toLowerCase() === kind))
        last = entry;
    }
    return last?.mapping;
  }
}

function buildVersionMapper(
  group: string,
  version: string,
  resources: APIResource[],
): VersionMapper {
  const entries: Entry[] = [];
  for (const resource of resources) {
    if (resource.name.includes('/')) continue;
    const singular = resource.singularName || resource.kind.toLowerCase();
    const mapping: ResourceMapping = {
      group,
      version,
      resource: resource.name,
      kind: resource.kind,
      namespaced: resource.namespaced,
      singularName: singular,
      verbs: resource.verbs ?? [],
      shortNames: resource.shortNames ?? [],
      categories: resource.categories ?? [],
    };
    entries.push({ plural: resource.name, singular, kind: resource.kind, mapping });
    entries.push(guessedEntry(group, version, `${resource.kind}List`, resource.namespaced));
  }
  entries.push(guessedEntry(group, version, 'List', false));
  return { group, version, entries };
}

/** client-go's UnsafeGuessKindToResource rows for list kinds. */
function guessedEntry(group: string, version: string, kind: string, namespaced: boolean): Entry {
  const singular = kind.toLowerCase();
  let plural = `${singular}s`;
  if (singular.endsWith('endpoints')) plural = singular;
  else if (singular.endsWith('s')) plural = `${singular}es`;
  else if (singular.endsWith('y')) plural = `${singular.slice(0, -1)}ies`;
  const mapping: ResourceMapping = {
    group,
    version,
    resource: plural,
    kind,
    namespaced,
    singularName: singular,
    verbs: [],
    shortNames: [],
    categories: [],
    synthetic: true,
  };
  return { plural, singular, kind, mapping };
}

/** DefaultRESTMapper.ResourcesFor within one group-version. */
function matchInMapper(mapper: VersionMapper, wanted: PartialGVR): Entry[] {
  const named = (e: Entry): boolean =>
    e.plural === wanted.resource || e.singular === wanted.resource;
  if (wanted.group && wanted.version) {
    if (mapper.group !== wanted.group || mapper.version !== wanted.version) return [];
    const hit = mapper.entries.find(named);
    return hit ? [hit] : [];
  }
  if (wanted.group) {
    if (mapper.group === wanted.group) return mapper.entries.filter(named);
    if (!mapper.group.startsWith(wanted.group)) return [];
    return mapper.entries.filter(named);
  }
  if (wanted.version && mapper.version !== wanted.version) return [];
  return mapper.entries.filter(named);
}

function patternMatches(pattern: Pattern, mapping: ResourceMapping): boolean {
  return (
    (pattern.group === ANY || pattern.group === mapping.group) &&
    (pattern.version === ANY || pattern.version === mapping.version)
  );
}

function sameGVK(a: ResourceMapping, b: ResourceMapping): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

function gvKey(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

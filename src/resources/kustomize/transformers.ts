import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { FieldSpec } from './field-spec.js';
import { setEntry, walkFieldSpec } from './field-walk.js';
import { KustomizeError } from './errors.js';
import type { Gvk, ResId } from './gvk.js';
import { gvkSelected, gvkString, isClusterScoped } from './gvk.js';
import { idKey } from './resmap.js';
import type { ResMap } from './resmap.js';
import type { Resource } from './resource.js';

/** NamespaceTransformer: namespace on namespaced objects and the fields its specs name. */
export function transformNamespace(
  resmap: ResMap,
  namespace: string,
  specs: readonly FieldSpec[],
  options: { unsetOnly?: boolean; subjects?: string } = {},
): void {
  if (namespace === '') return;
  const set = (current: JsonValue | undefined): boolean =>
    !options.unsetOnly || current === undefined || current === null || current === '';
  // How many objects have each current id, kept up to date as each object moves: kustomize
  // checks after every object that its new id is unique among all objects at that point.
  const idCounts = new Map<string, number>();
  for (const r of resmap.resources) countId(idCounts, r.curId(), 1);
  for (const r of resmap.resources) {
    countId(idCounts, r.curId(), -1);
    r.storePreviousId();
    const object = r.object;
    const gvk = r.gvk;
    const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
    let remaining = specs.filter(
      (s) => s.path !== 'metadata/namespace' && (apiVersion === 'v1' || s.path !== 'metadata/name'),
    );
    if (!isClusterScoped(gvk)) {
      const metadata = isJsonObject(object['metadata']) ? object['metadata'] : {};
      object['metadata'] = metadata;
      if (set(metadata['namespace'])) metadata['namespace'] = namespace;
    }
    if (gvk.kind === 'RoleBinding' || gvk.kind === 'ClusterRoleBinding') {
      remaining = remaining.filter(
        (s) => !(s.path.startsWith('subjects') && (s.gvk.kind ?? '').endsWith('RoleBinding')),
      );
      setSubjectNamespaces(object, namespace, options.subjects ?? 'defaultOnly', set);
    }
    for (const spec of remaining)
      walkFieldSpec(object, spec, 'scalar', (slot) => {
        const current = slot.get();
        if (Array.isArray(current) || isJsonObject(current))
          throw new KustomizeError(
            `namespace field specs must target scalar nodes: ${spec.path} in ${r.source}`,
          );
        if (set(current)) slot.set(namespace);
      });
    const id = r.curId();
    if (countId(idCounts, id, 1) !== 1)
      throw new KustomizeError(
        `namespace transformation produces ID conflict: ${gvkString(id.gvk)}/${id.name}`,
      );
  }
}

/** Adds `delta` to the count of `id` (ids equal as ResId.Equals says); returns the new count. */
function countId(counts: Map<string, number>, id: ResId, delta: number): number {
  const key = idKey(id);
  const count = (counts.get(key) ?? 0) + delta;
  counts.set(key, count);
  return count;
}

function setSubjectNamespaces(
  object: JsonObject,
  namespace: string,
  mode: string,
  set: (current: JsonValue | undefined) => boolean,
): void {
  if (mode === 'none') return;
  const subjects = object['subjects'];
  if (!Array.isArray(subjects)) return;
  for (const subject of subjects) {
    if (!isJsonObject(subject)) continue;
    const selected =
      mode === 'allServiceAccounts'
        ? subject['kind'] === 'ServiceAccount'
        : subject['name'] === 'default';
    if (selected && set(subject['namespace'])) subject['namespace'] = namespace;
  }
}

const PREFIX_SUFFIX_SKIP: ReadonlyArray<Partial<Gvk>> = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

/** PrefixTransformer / SuffixTransformer: renames, remembering the old name for references. */
export function transformNameAffix(
  resmap: ResMap,
  affix: string,
  where: 'prefix' | 'suffix',
  specs: readonly FieldSpec[],
): void {
  if (affix === '') return;
  for (const r of resmap.resources) {
    const org = r.orgId();
    if (PREFIX_SUFFIX_SKIP.some((skip) => gvkSelected(org.gvk, skip))) continue;
    for (const spec of specs) {
      if (!gvkSelected(org.gvk, spec.gvk)) continue;
      if (spec.path === 'metadata/name') {
        if (where === 'prefix') r.prefixes.push(affix);
        else r.suffixes.push(affix);
        r.storePreviousId();
      }
      walkFieldSpec(r.object, spec, 'none', (slot) => {
        const value = slot.get();
        if (typeof value !== 'string') return;
        slot.set(where === 'prefix' ? affix + value : value + affix);
      });
    }
  }
}

/** LabelTransformer / AnnotationsTransformer: `key: value` at every field the specs name. */
export function transformMapEntries(
  resmap: ResMap,
  entries: Record<string, string>,
  specs: readonly FieldSpec[],
): void {
  const keys = Object.keys(entries).sort();
  if (keys.length === 0) return;
  for (const r of resmap.resources)
    for (const key of keys)
      for (const spec of specs)
        walkFieldSpec(r.object, spec, 'map', (slot) => setEntry(slot, key, entries[key] ?? ''));
}

/** ReplicaCountTransformer for one `replicas` entry. */
export function transformReplicas(
  resmap: ResMap,
  name: string,
  count: number,
  specs: readonly FieldSpec[],
): void {
  let found = false;
  // Each object's ids once for all specs (there is one call per `replicas` entry).
  const named = resmap.resources
    .map((r: Resource) => ({ r, ids: r.allIds().filter((id) => id.name === name) }))
    .filter((entry) => entry.ids.length > 0);
  for (const spec of specs) {
    const matching = named
      .filter((entry) => entry.ids.some((id) => gvkSelected(id.gvk, spec.gvk)))
      .map((entry) => entry.r);
    if (matching.length === 0) continue;
    found = true;
    for (const r of matching) walkFieldSpec(r.object, spec, 'scalar', (slot) => slot.set(count));
  }
  if (!found)
    throw new KustomizeError(
      `resource with name ${name} does not match a config with the following GVK [${specs
        .map((s) =>
          gvkString({
            group: s.gvk.group ?? '',
            version: s.gvk.version ?? '',
            kind: s.gvk.kind ?? '',
          }),
        )
        .join(' ')}]`,
    );
}

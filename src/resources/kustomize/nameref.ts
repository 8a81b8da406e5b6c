import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import type { NameBackReference } from './builtin-specs.js';
import type { FieldSlot } from './field-walk.js';
import { walkFieldSpec } from './field-walk.js';
import { KustomizeError } from './errors.js';
import type { Gvk } from './gvk.js';
import {
  effectiveNamespace,
  gvkSelected,
  isClusterScoped,
  parseApiVersion,
  resIdString,
} from './gvk.js';
import type { ResMap } from './resmap.js';
import type { Resource } from './resource.js';

/**
 * Effective namespaces, computed once per fixNameReferences run: every referrer is compared
 * with every candidate, and fixing references never moves an object to another namespace.
 */
let namespaces = new WeakMap<Resource, string>();

function namespaceOf(r: Resource): string {
  let namespace = namespaces.get(r);
  if (namespace === undefined) {
    const id = r.curId();
    namespace = effectiveNamespace(id.gvk, id.namespace);
    namespaces.set(r, namespace);
  }
  return namespace;
}

function sameNamespace(a: Resource, b: Resource): boolean {
  return namespaceOf(a) === namespaceOf(b);
}

/** SubsetThatCouldBeReferencedByResource. */
function candidatesFor(referrer: Resource, all: readonly Resource[]): Resource[] {
  if (isClusterScoped(referrer.gvk)) return [...all];
  const roleBindingNamespaces = new Set<string>();
  if (referrer.kind === 'RoleBinding') {
    const subjects = referrer.object['subjects'];
    if (Array.isArray(subjects))
      for (const s of subjects)
        if (isJsonObject(s) && s['kind'] === 'ServiceAccount' && typeof s['namespace'] === 'string')
          roleBindingNamespaces.add(s['namespace']);
  }
  return all.filter(
    (t) =>
      isClusterScoped(t.gvk) ||
      sameNamespace(t, referrer) ||
      roleBindingNamespaces.has(t.namespace),
  );
}

function roleRefGvk(referrer: Resource): Partial<Gvk> | undefined {
  const roleRef = referrer.object['roleRef'];
  if (!isJsonObject(roleRef)) return undefined;
  const group = roleRef['apiGroup'];
  const kind = roleRef['kind'];
  if (typeof group !== 'string' || typeof kind !== 'string') return undefined;
  return { group, kind };
}

function sameAffixes(a: Resource, b: Resource): boolean {
  return (
    a.prefixes.join('\u0000') === b.prefixes.join('\u0000') &&
    a.suffixes.join('\u0000') === b.suffixes.join('\u0000')
  );
}

/** selectReferral: the one object an old name in `referrer` points at, if any. */
function selectReferral(
  oldName: string,
  candidates: Resource[],
  target: Partial<Gvk>,
  referrer: Resource,
  path: string,
): Resource | undefined {
  let found = candidates.filter((c) => c.previousIds.some((id) => id.name === oldName));
  found = found.filter((c) => c.previousIds.some((id) => gvkSelected(id.gvk, target)));
  if (path.endsWith('roleRef/name')) {
    const gvk = roleRefGvk(referrer);
    if (gvk) found = found.filter((c) => c.previousIds.some((id) => gvkSelected(id.gvk, gvk)));
  }
  if (!isClusterScoped(referrer.gvk))
    found = found.filter(
      (c) => isClusterScoped(c.gvk) || c.kind === 'ServiceAccount' || sameNamespace(c, referrer),
    );
  if (found.length === 1) return found[0];
  found = found.filter((c) => sameAffixes(c, referrer));
  if (found.length === 1) return found[0];
  if (found.length === 0) return undefined;
  const first = found[0] as Resource;
  if (found.every((c) => c.name === first.name)) return first;
  throw new KustomizeError(
    `updating name reference in '${path}' field of '${resIdString(referrer.curId())}':  found multiple possible referrals: ${found
      .map((c) => resIdString(c.curId()))
      .join(', ')}`,
  );
}

/** The nameReference transformer: rewrites names that point at renamed objects. */
export function fixNameReferences(resmap: ResMap, backRefs: readonly NameBackReference[]): void {
  namespaces = new WeakMap();
  const all = resmap.resources;
  for (const referrer of all) {
    let candidates: Resource[] | undefined;
    const orgGvk = referrer.orgId().gvk;
    for (const backRef of backRefs) {
      const target: Partial<Gvk> = {};
      if (backRef.target.group) target.group = backRef.target.group;
      if (backRef.target.version) target.version = backRef.target.version;
      if (backRef.target.kind) target.kind = backRef.target.kind;
      for (const spec of backRef.referrers) {
        if (!gvkSelected(orgGvk, spec.gvk)) continue;
        candidates ??= candidatesFor(referrer, all);
        const pool = candidates;
        walkFieldSpec(referrer.object, { ...spec, create: false }, 'none', (slot) =>
          fixSlot(slot, pool, target, referrer, spec.path),
        );
      }
    }
  }
}

function fixSlot(
  slot: FieldSlot,
  candidates: Resource[],
  target: Partial<Gvk>,
  referrer: Resource,
  path: string,
): void {
  const value = slot.get();
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    const referral = selectReferral(value, candidates, target, referrer, path);
    if (referral && referral.name !== value) slot.set(referral.name);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const elementSlot: FieldSlot = {
        get: () => value[index],
        set: (v) => {
          value[index] = v;
        },
      };
      if (typeof item === 'string' || isJsonObject(item))
        fixSlot(elementSlot, candidates, target, referrer, path);
    });
    return;
  }
  if (isJsonObject(value)) fixMapping(value, candidates, target, referrer, path);
}

function fixMapping(
  node: JsonObject,
  candidates: Resource[],
  target: Partial<Gvk>,
  referrer: Resource,
  path: string,
): void {
  const name = node['name'];
  if (name === undefined) throw new KustomizeError(`path config error; no 'name' field in node`);
  let pool = candidates;
  const namespace = node['namespace'];
  if (typeof namespace === 'string') {
    const byOriginal = candidates.filter((c) => c.orgId().namespace === namespace);
    pool = byOriginal.length > 0 ? byOriginal : candidates.filter((c) => c.namespace === namespace);
  }
  const referral = selectReferral(scalar(name), pool, target, referrer, path);
  if (!referral) return;
  if (referral.name === scalar(name) && referral.namespace === '') return;
  node['name'] = referral.name;
  if (referral.namespace !== '') node['namespace'] = referral.namespace;
}

function scalar(value: JsonValue): string {
  return typeof value === 'string' ? value : String(value);
}

export { parseApiVersion };

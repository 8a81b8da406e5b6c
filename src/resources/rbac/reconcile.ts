/**
 * component-helpers' auth/rbac/reconciliation, the computing half: what must change on a live
 * Role/ClusterRole or RoleBinding/ClusterRoleBinding so that it grants at least (or, with the
 * remove flags, exactly) what the expected object does. Labels and annotations are merged with
 * the live values winning; `rbac.authorization.kubernetes.io/autoupdate: "false"` protects it.
 */
import { uncoveredRules } from './policy-covers.js';
import type {
  BindingObject,
  LabelSelector,
  ObjectMeta,
  PolicyRule,
  RoleObject,
  Subject,
} from './rbac-types.js';
import { metaMap } from './rbac-types.js';

export type ReconcileOperation = 'create' | 'update' | 'recreate' | 'none';

export const AUTO_UPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';

export interface RoleResult {
  role: RoleObject;
  missingRules: PolicyRule[];
  extraRules: PolicyRule[];
  operation: ReconcileOperation;
  /** The live object opted out: nothing is written. */
  protected: boolean;
}

export interface BindingResult {
  binding: BindingObject;
  missingSubjects: Subject[];
  extraSubjects: Subject[];
  operation: ReconcileOperation;
  protected: boolean;
}

/** The result for an object that does not exist yet. */
export function roleToCreate(expected: RoleObject): RoleResult {
  return {
    role: expected,
    missingRules: expected.rules ?? [],
    extraRules: [],
    operation: 'create',
    protected: false,
  };
}

export function bindingToCreate(expected: BindingObject): BindingResult {
  return {
    binding: expected,
    missingSubjects: expected.subjects ?? [],
    extraSubjects: [],
    operation: 'create',
    protected: false,
  };
}

/** merge(): the later maps win; nil only when every map is nil. */
function merge(
  ...maps: Array<Record<string, string> | undefined>
): Record<string, string> | undefined {
  let output: Record<string, string> | undefined;
  for (const map of maps) {
    if (map === undefined) continue;
    output = { ...output, ...map };
  }
  return output;
}

/** reflect.DeepEqual of two map[string]string: a nil map differs from an empty one. */
function sameMap(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}

/**
 * Merges the expected labels and annotations into a copy of the live metadata; returns
 * whether that changed anything.
 */
function mergeMeta(
  live: ObjectMeta,
  expected: ObjectMeta,
): { metadata: ObjectMeta; changed: boolean } {
  const metadata = structuredClone(live);
  let changed = false;
  for (const key of ['annotations', 'labels'] as const) {
    const merged = merge(metaMap(expected, key), metaMap(live, key));
    if (merged === undefined) delete metadata[key];
    else metadata[key] = merged;
    if (!sameMap(merged, metaMap(live, key))) changed = true;
  }
  return { metadata, changed };
}

function isProtected(live: ObjectMeta): boolean {
  return metaMap(live, 'annotations')?.[AUTO_UPDATE_ANNOTATION] === 'false';
}

/** equality.Semantic.DeepEqual of label selectors: nil and empty maps and lists are equal. */
function selectorKey(selector: LabelSelector): string {
  const labels = selector.matchLabels ?? {};
  return JSON.stringify({
    labels: Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
    expressions: (selector.matchExpressions ?? []).map((e) => [e.key, e.operator, e.values ?? []]),
  });
}

/** aggregationRuleCovers' second result: the servant's selectors the owner lacks. */
function uncoveredSelectors(
  owner: RoleObject['aggregationRule'],
  servant: RoleObject['aggregationRule'],
): LabelSelector[] {
  if (servant === null) return [];
  const servantSelectors = servant.clusterRoleSelectors ?? [];
  if (owner === null) return servantSelectors;
  const owned = new Set((owner.clusterRoleSelectors ?? []).map(selectorKey));
  return servantSelectors.filter((s) => !owned.has(selectorKey(s)));
}

/** computeReconciledRole. */
export function reconcileRole(
  live: RoleObject,
  expected: RoleObject,
  removeExtra: boolean,
): RoleResult {
  const { metadata, changed } = mergeMeta(live.metadata, expected.metadata);
  const role: RoleObject = { ...structuredClone(live), metadata };
  let operation: ReconcileOperation = changed ? 'update' : 'none';
  // extra permissions of two aggregated roles are the aggregation's doing, not extra
  const extraRules =
    expected.aggregationRule === null || live.aggregationRule === null
      ? uncoveredRules(expected.rules, live.rules)
      : [];
  const missingRules = uncoveredRules(live.rules, expected.rules);
  if (!removeExtra && missingRules.length > 0) {
    role.rules = [...(role.rules ?? []), ...missingRules];
    operation = 'update';
  } else if (removeExtra && (missingRules.length > 0 || extraRules.length > 0)) {
    role.rules = structuredClone(expected.rules);
    operation = 'update';
  }
  const extraSelectors = uncoveredSelectors(expected.aggregationRule, live.aggregationRule);
  const missingSelectors = uncoveredSelectors(live.aggregationRule, expected.aggregationRule);
  if (expected.aggregationRule === null && live.aggregationRule !== null) {
    role.aggregationRule = null;
    operation = 'update';
  } else if (!removeExtra && missingSelectors.length > 0) {
    const selectors = role.aggregationRule?.clusterRoleSelectors ?? [];
    role.aggregationRule = { clusterRoleSelectors: [...selectors, ...missingSelectors] };
    operation = 'update';
  } else if (removeExtra && (missingSelectors.length > 0 || extraSelectors.length > 0)) {
    role.aggregationRule = structuredClone(expected.aggregationRule);
    operation = 'update';
  }
  return { role, missingRules, extraRules, operation, protected: isProtected(live.metadata) };
}

function sameSubject(a: Subject, b: Subject): boolean {
  return (
    a.kind === b.kind &&
    a.apiGroup === b.apiGroup &&
    a.name === b.name &&
    a.namespace === b.namespace
  );
}

/** The subjects of `list` that `other` lacks, each once. */
function subjectsOnlyIn(list: readonly Subject[], other: readonly Subject[]): Subject[] {
  const only: Subject[] = [];
  for (const subject of list) {
    if (other.some((s) => sameSubject(s, subject))) continue;
    if (!only.some((s) => sameSubject(s, subject))) only.push(subject);
  }
  return only;
}

/** computeReconciledRoleBinding: a different roleRef means delete and create again. */
export function reconcileBinding(
  live: BindingObject,
  expected: BindingObject,
  removeExtra: boolean,
): BindingResult {
  const protectedBinding = isProtected(live.metadata);
  const ref = live.roleRef;
  const wanted = expected.roleRef;
  if (ref.apiGroup !== wanted.apiGroup || ref.kind !== wanted.kind || ref.name !== wanted.name) {
    return {
      binding: expected,
      missingSubjects: [],
      extraSubjects: [],
      operation: 'recreate',
      protected: protectedBinding,
    };
  }
  const { metadata, changed } = mergeMeta(live.metadata, expected.metadata);
  const binding: BindingObject = { ...structuredClone(live), metadata };
  let operation: ReconcileOperation = changed ? 'update' : 'none';
  const missingSubjects = subjectsOnlyIn(expected.subjects ?? [], live.subjects ?? []);
  const extraSubjects = subjectsOnlyIn(live.subjects ?? [], expected.subjects ?? []);
  if (!removeExtra && missingSubjects.length > 0) {
    binding.subjects = [...(binding.subjects ?? []), ...missingSubjects];
    operation = 'update';
  } else if (removeExtra && (missingSubjects.length > 0 || extraSubjects.length > 0)) {
    binding.subjects = structuredClone(expected.subjects);
    operation = 'update';
  }
  return { binding, missingSubjects, extraSubjects, operation, protected: protectedBinding };
}

function goList(values: readonly string[] | null): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** Go's %+v of an rbacv1.PolicyRule, as reconcile prints missing and extra rules. */
export function formatRule(rule: PolicyRule): string {
  return `{Verbs:${goList(rule.verbs)} APIGroups:${goList(rule.apiGroups)} Resources:${goList(rule.resources)} ResourceNames:${goList(rule.resourceNames)} NonResourceURLs:${goList(rule.nonResourceURLs)}}`;
}

/** Go's %+v of an rbacv1.Subject. */
export function formatSubject(subject: Subject): string {
  return `{Kind:${subject.kind} APIGroup:${subject.apiGroup} Name:${subject.name} Namespace:${subject.namespace}}`;
}

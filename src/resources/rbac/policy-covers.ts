/**
 * component-helpers' rbac/validation.Covers: whether some rules allow everything other rules
 * allow, comparing the other rules broken down to one group, resource, verb and name each.
 */
import type { PolicyRule } from './rbac-types.js';

function rule(fields: Partial<PolicyRule>): PolicyRule {
  return {
    verbs: null,
    apiGroups: null,
    resources: null,
    resourceNames: null,
    nonResourceURLs: null,
    ...fields,
  };
}

/** BreakdownRule: one rule per group × resource × verb (× resource name), then per URL × verb. */
export function breakdownRule(policy: PolicyRule): PolicyRule[] {
  const subrules: PolicyRule[] = [];
  const verbs = policy.verbs ?? [];
  const names = policy.resourceNames ?? [];
  for (const group of policy.apiGroups ?? []) {
    for (const resource of policy.resources ?? []) {
      for (const verb of verbs) {
        const base = { apiGroups: [group], resources: [resource], verbs: [verb] };
        if (names.length > 0)
          for (const name of names) subrules.push(rule({ ...base, resourceNames: [name] }));
        else subrules.push(rule(base));
      }
    }
  }
  // non-resource URLs combine only with verbs
  for (const url of policy.nonResourceURLs ?? [])
    for (const verb of verbs) subrules.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return subrules;
}

function has(set: readonly string[] | null, element: string): boolean {
  return (set ?? []).includes(element);
}

function hasAll(set: readonly string[] | null, wanted: readonly string[] | null): boolean {
  const owning = new Set(set ?? []);
  return (wanted ?? []).every((element) => owning.has(element));
}

function resourceCoversAll(
  owned: readonly string[] | null,
  wanted: readonly string[] | null,
): boolean {
  if (has(owned, '*') || hasAll(owned, wanted)) return true;
  for (const path of wanted ?? []) {
    if (has(owned, path)) continue;
    // only a subresource can still match, through `*/subresource`
    const slash = path.indexOf('/');
    if (slash < 0) return false;
    if (!has(owned, `*/${path.slice(slash + 1)}`)) return false;
  }
  return true;
}

function nonResourceURLCovers(owner: string, path: string): boolean {
  if (owner === path) return true;
  return owner.endsWith('*') && path.startsWith(owner.replace(/\*+$/, ''));
}

function nonResourceURLsCoverAll(
  owned: readonly string[] | null,
  wanted: readonly string[] | null,
): boolean {
  return (wanted ?? []).every((path) =>
    (owned ?? []).some((owner) => nonResourceURLCovers(owner, path)),
  );
}

/** ruleCovers: whether one rule allows everything a broken-down rule allows. */
function ruleCovers(owner: PolicyRule, subrule: PolicyRule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, subrule.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, subrule.apiGroups);
  const resources = resourceCoversAll(owner.resources, subrule.resources);
  const urls = nonResourceURLsCoverAll(owner.nonResourceURLs, subrule.nonResourceURLs);
  const ownerNames = owner.resourceNames ?? [];
  const names =
    (subrule.resourceNames ?? []).length === 0
      ? ownerNames.length === 0
      : ownerNames.length === 0 || hasAll(ownerNames, subrule.resourceNames);
  return verbs && groups && resources && names && urls;
}

/** The broken-down rules of `servant` that no rule of `owner` covers (Covers' second result). */
export function uncoveredRules(
  owner: readonly PolicyRule[] | null,
  servant: readonly PolicyRule[] | null,
): PolicyRule[] {
  const subrules = (servant ?? []).flatMap(breakdownRule);
  return subrules.filter((subrule) => !(owner ?? []).some((o) => ruleCovers(o, subrule)));
}

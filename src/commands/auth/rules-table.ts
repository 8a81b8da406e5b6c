/** A rule as SelfSubjectRulesReview returns it (resource and non-resource rules merged). */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** status of a SelfSubjectRulesReview. */
export interface RulesReviewStatus {
  resourceRules?: Array<{
    verbs?: string[];
    apiGroups?: string[];
    resources?: string[];
    resourceNames?: string[];
  }>;
  nonResourceRules?: Array<{ verbs?: string[]; nonResourceURLs?: string[] }>;
  incomplete?: boolean;
  evaluationError?: string;
}

const rule = (fields: Partial<PolicyRule>): PolicyRule => ({
  verbs: [],
  apiGroups: [],
  resources: [],
  resourceNames: [],
  nonResourceURLs: [],
  ...fields,
});

/** convertToPolicyRule: resource rules first, then non-resource rules. */
export function policyRulesOf(status: RulesReviewStatus): PolicyRule[] {
  return [
    ...(status.resourceRules ?? []).map((r) =>
      rule({
        verbs: r.verbs ?? [],
        apiGroups: r.apiGroups ?? [],
        resources: r.resources ?? [],
        resourceNames: r.resourceNames ?? [],
      }),
    ),
    ...(status.nonResourceRules ?? []).map((r) =>
      rule({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] }),
    ),
  ];
}

/** rbac.BreakdownRule: one verb, one resource and at most one name per rule. */
export function breakdownRule(input: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of input.apiGroups)
    for (const resource of input.resources)
      for (const verb of input.verbs) {
        const base = { apiGroups: [group], resources: [resource], verbs: [verb] };
        if (input.resourceNames.length === 0) out.push(rule(base));
        else
          for (const name of input.resourceNames)
            out.push(rule({ ...base, resourceNames: [name] }));
      }
  for (const url of input.nonResourceURLs)
    for (const verb of input.verbs) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }));
  return out;
}

/** A key for rules that differ only in verbs (isSimpleResourceRule), or undefined. */
function simpleKey(r: PolicyRule): string | undefined {
  if (r.resourceNames.length > 1 || r.nonResourceURLs.length > 0) return undefined;
  if (r.apiGroups.length !== 1 || r.resources.length !== 1) return undefined;
  return JSON.stringify([
    r.apiGroups[0],
    r.resources[0],
    r.resourceNames.length,
    r.resourceNames[0],
  ]);
}

/** rbac.CompactRules: merges the verbs of simple rules for the same group/resource/name. */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const key = simpleKey(r);
    const existing = key === undefined ? undefined : simple.get(key);
    if (key === undefined) compacted.push(r);
    else if (existing === undefined) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const verb of r.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return [...compacted, ...simple.values()];
}

const goList = (items: readonly string[]): string => `[${items.join(' ')}]`;

/** The generated protobuf String() of rbacv1.PolicyRule, which kubectl sorts by. */
export function ruleString(r: PolicyRule): string {
  return (
    `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},` +
    `Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},` +
    `NonResourceURLs:${goList(r.nonResourceURLs)},}`
  );
}

/** describe.CombineResourceGroup: `resource.group/subresource`. */
export function combineResourceGroup(
  resources: readonly string[],
  groups: readonly string[],
): string {
  const [first] = resources;
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let combined = slash < 0 ? first : first.slice(0, slash);
  const group = groups[0];
  if (group !== undefined && group !== '') combined += `.${group}`;
  if (slash >= 0) combined += `/${first.slice(slash + 1)}`;
  return combined;
}

/** The rows of `auth can-i --list` (without the header), in kubectl's order. */
export function accessRows(status: RulesReviewStatus): string[][] {
  const rules = compactRules(policyRulesOf(status).flatMap(breakdownRule));
  const keyed = rules.map((r) => ({ r, key: ruleString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ r }) => [
    combineResourceGroup(r.resources, r.apiGroups),
    goList(r.nonResourceURLs),
    goList(r.resourceNames),
    goList(r.verbs),
  ]);
}

/** The header of `auth can-i --list`. */
export const ACCESS_HEADERS = ['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'];

/** `kubectl create role|clusterrole|rolebinding|clusterrolebinding`. */
import { KNOWN_KINDS } from './known-kinds.js';
import type { KubeObject } from '../kube-object.js';
import { compact, objectMeta, sortedMap } from './object.js';

const VALID_RESOURCE_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];
const SPECIAL_VERBS: Record<string, Array<[string, string]>> = {
  use: [
    ['policy', 'podsecuritypolicies'],
    ['extensions', 'podsecuritypolicies'],
  ],
  bind: [
    ['rbac.authorization.k8s.io', 'roles'],
    ['rbac.authorization.k8s.io', 'clusterroles'],
  ],
  escalate: [
    ['rbac.authorization.k8s.io', 'roles'],
    ['rbac.authorization.k8s.io', 'clusterroles'],
  ],
  impersonate: [
    ['', 'users'],
    ['', 'serviceaccounts'],
    ['', 'groups'],
    ['authentication.k8s.io', 'userextras'],
  ],
};

/** One --resource entry: resource[.group][/subresource]. */
export interface ResourceSpec {
  resource: string;
  group: string;
  subresource: string;
}

/** What mapper.ResourceFor made of a --resource entry; `error` when it found nothing. */
export interface ResolvedResource {
  resource: string;
  group: string;
  error?: Error;
}

/** Resolves resource and group as kubectl's REST mapper (ResourceFor) does. */
export type ResourceResolver = (resource: string, group: string) => ResolvedResource;

/** Flags of `create role` / `create clusterrole`. */
export interface RoleParams {
  /** The REST mapper's answers; the built-in table when absent (no server). */
  resolve?: ResourceResolver;
  name: string;
  namespace?: string;
  verbs: readonly string[];
  resources: readonly string[];
  resourceNames: readonly string[];
  nonResourceURLs?: readonly string[];
  aggregationRule?: Record<string, string>;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Complete(): verbs deduplicated ("*" wins), resources split, names deduplicated. */
export function normalizeRole(params: RoleParams): {
  verbs: string[];
  resources: ResourceSpec[];
  resourceNames: string[];
} {
  const verbs = starFirst(params.verbs);
  const resources: ResourceSpec[] = [];
  for (const text of params.resources) {
    const slash = text.indexOf('/');
    const head = slash < 0 ? text : text.slice(0, slash);
    const subresource = slash < 0 ? '' : text.slice(slash + 1);
    const dot = head.indexOf('.');
    const spec = {
      resource: dot < 0 ? head : head.slice(0, dot),
      group: dot < 0 ? '' : head.slice(dot + 1),
      subresource,
    };
    if (spec.resource === '*' && dot < 0 && slash < 0) {
      resources.splice(0, resources.length, spec);
      break;
    }
    resources.push(spec);
  }
  return { verbs, resources, resourceNames: unique(params.resourceNames) };
}

function starFirst(verbs: readonly string[]): string[] {
  const out: string[] = [];
  for (const verb of verbs) {
    if (verb === '*') return ['*'];
    if (!out.includes(verb)) out.push(verb);
  }
  return out;
}

/** mapper.ResourceFor over the built-in table: plural resource and group, or the input as typed. */
export function resolveResource(resource: string, group: string): ResolvedResource {
  const lower = resource.toLowerCase();
  const found = KNOWN_KINDS.find(
    (k) =>
      (group === '' || k.group === group) &&
      (k.resource === lower || k.kind.toLowerCase() === lower || k.aliases.includes(lower)),
  );
  return found ? { resource: found.resource, group: found.group } : { resource, group };
}

/** Validate for roles: warnings for unusual verbs go to `warn`; errors are thrown. */
export function validateRole(
  params: RoleParams,
  warn: (line: string) => void,
  clusterRole = false,
): void {
  const { verbs, resources, resourceNames } = normalizeRole(params);
  const nonResourceURLs = unique(params.nonResourceURLs ?? []);
  if (clusterRole && params.aggregationRule && Object.keys(params.aggregationRule).length > 0) {
    if (
      nonResourceURLs.length > 0 ||
      verbs.length > 0 ||
      resources.length > 0 ||
      resourceNames.length > 0
    )
      throw new Error(
        'aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames',
      );
    return;
  }
  if (verbs.length === 0) throw new Error('at least one verb must be specified');
  if (!clusterRole && resources.length === 0)
    throw new Error('at least one resource must be specified');
  if (clusterRole && resources.length === 0 && nonResourceURLs.length === 0)
    throw new Error('one of resource or nonResourceURL must be specified');
  if (resources.length > 0) {
    for (const verb of verbs)
      if (!VALID_RESOURCE_VERBS.includes(verb))
        warn(`Warning: '${verb}' is not a standard resource verb\n`);
    validateResources(resources, verbs, params.resolve ?? resolveResource);
  }
  if (nonResourceURLs.length > 0) validateNonResourceURLs(verbs, nonResourceURLs);
}

function validateResources(
  resources: ResourceSpec[],
  verbs: string[],
  resolve: ResourceResolver,
): void {
  for (const spec of resources) {
    if (spec.resource === '')
      throw new Error('resource must be specified if apiGroup/subresource specified');
    // kubectl's validateResource stops at the first "*".
    if (spec.resource === '*') return;
    const resolved = resolve(spec.resource, spec.group);
    // A resource a special verb names (e.g. users for impersonate) needs no discovery.
    let unresolved = resolved.error;
    for (const verb of verbs) {
      const allowed = SPECIAL_VERBS[verb];
      if (!allowed) continue;
      if (!allowed.some(([g, r]) => g === resolved.group && r === resolved.resource))
        throw new Error(
          `can not perform '${verb}' on '${resolved.resource}' in group '${resolved.group}'`,
        );
      unresolved = undefined;
    }
    if (unresolved) throw unresolved;
  }
}

function validateNonResourceURLs(verbs: string[], urls: string[]): void {
  for (const verb of verbs)
    if (!VALID_NON_RESOURCE_VERBS.includes(verb))
      throw new Error(`invalid verb: '${verb}' for nonResourceURL`);
  for (const url of urls) {
    if (url === '*') continue;
    if (url === '' || !url.startsWith('/')) throw new Error('nonResourceURL should start with /');
    if (url.slice(0, -1).includes('*'))
      throw new Error("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
}

/** generateResourcePolicyRules: one rule per API group (sorted), then one for non-resource URLs. */
export function policyRules(params: RoleParams): KubeObject[] {
  const { verbs, resources, resourceNames } = normalizeRole(params);
  const byGroup = new Map<string, string[]>();
  const resolve = params.resolve ?? resolveResource;
  for (const spec of resources) {
    const resolved = resolve(spec.resource, spec.group);
    const name = spec.subresource ? `${resolved.resource}/${spec.subresource}` : resolved.resource;
    const list = byGroup.get(resolved.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(resolved.group, list);
  }
  const rules: KubeObject[] = [...byGroup.keys()].sort().map((group) =>
    compact({
      verbs,
      apiGroups: [group],
      resources: byGroup.get(group),
      resourceNames: resourceNames.length > 0 ? resourceNames : undefined,
    }),
  );
  const urls = unique(params.nonResourceURLs ?? []);
  if (urls.length > 0) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

/** A rbac/v1 Role. */
export function generateRole(params: RoleParams): KubeObject {
  return {
    kind: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    rules: policyRules(params),
  };
}

/** A rbac/v1 ClusterRole: rules, or an aggregation rule. */
export function generateClusterRole(params: RoleParams): KubeObject {
  const aggregation = sortedMap(params.aggregationRule);
  return compact({
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name: params.name },
    rules: aggregation ? null : policyRules(params),
    aggregationRule: aggregation
      ? { clusterRoleSelectors: [{ matchLabels: aggregation }] }
      : undefined,
  });
}

/** Flags of `create rolebinding` / `create clusterrolebinding`. */
export interface BindingParams {
  name: string;
  namespace?: string;
  role?: string;
  clusterRole?: string;
  users: readonly string[];
  groups: readonly string[];
  serviceAccounts: readonly string[];
}

function subjects(params: BindingParams): KubeObject[] | undefined {
  const apiGroup = 'rbac.authorization.k8s.io';
  const list: KubeObject[] = [
    ...params.users.map((name) => ({ kind: 'User', apiGroup, name })),
    ...params.groups.map((name) => ({ kind: 'Group', apiGroup, name })),
  ];
  for (const sa of params.serviceAccounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || !tokens[0] || !tokens[1])
      throw new Error('serviceaccount must be <namespace>:<name>');
    list.push({ kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] });
  }
  return list.length > 0 ? list : undefined;
}

/** A rbac/v1 RoleBinding to a Role or ClusterRole. */
export function generateRoleBinding(params: BindingParams): KubeObject {
  const roleRef = params.role
    ? { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: params.role }
    : {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: params.clusterRole ?? '',
      };
  return compact({
    kind: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: objectMeta({ name: params.name, namespace: params.namespace }),
    subjects: subjects(params),
    roleRef,
  });
}

/** A rbac/v1 ClusterRoleBinding. */
export function generateClusterRoleBinding(params: BindingParams): KubeObject {
  return compact({
    kind: 'ClusterRoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name: params.name },
    subjects: subjects(params),
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: params.clusterRole ?? '',
    },
  });
}

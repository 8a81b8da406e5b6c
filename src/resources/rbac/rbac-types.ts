/**
 * The rbac/v1 kinds as kubectl holds them in Go structs (auth reconcile decodes its input with
 * the typed scheme): what the structs keep (unknown fields dropped), the distinction between a
 * nil and an empty map or list where Go's logic sees it, and encoding/json's errors for values
 * of the wrong type.
 */

/** rbacv1.PolicyRule; null stands for a nil slice. */
export interface PolicyRule {
  verbs: string[] | null;
  apiGroups: string[] | null;
  resources: string[] | null;
  resourceNames: string[] | null;
  nonResourceURLs: string[] | null;
}

/** metav1.LabelSelectorRequirement. */
export interface SelectorRequirement {
  key: string;
  operator: string;
  values: string[] | null;
}

/** metav1.LabelSelector. */
export interface LabelSelector {
  matchLabels: Record<string, string> | null;
  matchExpressions: SelectorRequirement[] | null;
}

/** rbacv1.AggregationRule. */
export interface AggregationRule {
  clusterRoleSelectors: LabelSelector[] | null;
}

/** rbacv1.Subject (a comparable Go struct: equal when every field is). */
export interface Subject {
  kind: string;
  apiGroup: string;
  name: string;
  namespace: string;
}

/** rbacv1.RoleRef. */
export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/**
 * metav1.ObjectMeta: the fields in Go order, as decoded. Fields reconciliation never reads
 * (ownerReferences, finalizers, managedFields...) are kept as they came so that an update
 * sends them back unchanged.
 */
export type ObjectMeta = Record<string, unknown>;

/** Role or ClusterRole (a Role has no aggregationRule field). */
export interface RoleObject {
  kind: 'Role' | 'ClusterRole';
  apiVersion: string;
  metadata: ObjectMeta;
  rules: PolicyRule[] | null;
  aggregationRule: AggregationRule | null;
}

/** RoleBinding or ClusterRoleBinding. */
export interface BindingObject {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  apiVersion: string;
  metadata: ObjectMeta;
  subjects: Subject[] | null;
  roleRef: RoleRef;
}

export type RbacObject = RoleObject | BindingObject;

/** Whether the object is a Role or ClusterRole (else a binding). */
export function isRoleObject(object: RbacObject): object is RoleObject {
  return object.kind === 'Role' || object.kind === 'ClusterRole';
}

/** The four kinds auth reconcile handles. */
export const RBAC_KINDS: ReadonlySet<string> = new Set([
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** encoding/json's UnmarshalTypeError text. */
export class GoTypeError extends Error {}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && value !== null) return 'object';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return 'string';
}

/** Where a value sits: the innermost Go struct and the JSON path from the top. */
interface Place {
  struct: string;
  path: string;
}

function mismatch(value: unknown, place: Place, type: string): GoTypeError {
  return new GoTypeError(
    `json: cannot unmarshal ${jsonKind(value)} into Go struct field ${place.struct}.${place.path} of type ${type}`,
  );
}

function field(place: Place, struct: string, name: string): Place {
  return { struct, path: place.path === '' ? name : `${place.path}.${name}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Go string: null leaves the zero value. */
function goString(value: unknown, place: Place): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw mismatch(value, place, 'string');
  return value;
}

/** A Go []string: null is nil, null items are "". */
function goStrings(value: unknown, place: Place): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw mismatch(value, place, '[]string');
  return value.map((item) => goString(item, place));
}

/** A Go map[string]string: null is nil (undefined here), null values are "". */
function goStringMap(value: unknown, place: Place): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw mismatch(value, place, 'map[string]string');
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) map[key] = goString(item, place);
  return map;
}

function goStruct<T>(
  value: unknown,
  place: Place,
  type: string,
  decode: (record: Record<string, unknown>) => T,
): T | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) throw mismatch(value, place, type);
  return decode(value);
}

function goList<T>(
  value: unknown,
  place: Place,
  type: string,
  decode: (item: unknown) => T,
): T[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw mismatch(value, place, `[]${type}`);
  return value.map(decode);
}

const META_STRINGS = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion'];
const META_ORDER = [
  ...META_STRINGS,
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

function decodeMeta(value: unknown, top: string): ObjectMeta {
  const place = { struct: top, path: 'metadata' };
  const record = goStruct(value, place, 'v1.ObjectMeta', (r) => r) ?? {};
  const meta: ObjectMeta = {};
  for (const key of META_ORDER) {
    const item = record[key];
    if (item === undefined || item === null) continue;
    const at = field(place, 'ObjectMeta', key);
    if (META_STRINGS.includes(key)) meta[key] = goString(item, at);
    else if (key === 'labels' || key === 'annotations') meta[key] = goStringMap(item, at);
    else meta[key] = item;
  }
  return meta;
}

function decodeRule(value: unknown, place: Place): PolicyRule {
  const rule = goStruct(value, place, 'v1.PolicyRule', (r) => {
    const at = (name: string): Place => field(place, 'PolicyRule', name);
    return {
      verbs: goStrings(r['verbs'], at('verbs')),
      apiGroups: goStrings(r['apiGroups'], at('apiGroups')),
      resources: goStrings(r['resources'], at('resources')),
      resourceNames: goStrings(r['resourceNames'], at('resourceNames')),
      nonResourceURLs: goStrings(r['nonResourceURLs'], at('nonResourceURLs')),
    };
  });
  return rule ?? emptyRule();
}

function emptyRule(): PolicyRule {
  return {
    verbs: null,
    apiGroups: null,
    resources: null,
    resourceNames: null,
    nonResourceURLs: null,
  };
}

function decodeSelector(value: unknown, place: Place): LabelSelector {
  const selector = goStruct(value, place, 'v1.LabelSelector', (r) => {
    const at = (name: string): Place => field(place, 'LabelSelector', name);
    const expressions = at('matchExpressions');
    return {
      matchLabels: goStringMap(r['matchLabels'], at('matchLabels')) ?? null,
      matchExpressions: goList(
        r['matchExpressions'],
        expressions,
        'v1.LabelSelectorRequirement',
        (e) => {
          const requirement = goStruct(e, expressions, 'v1.LabelSelectorRequirement', (x) => {
            const inner = (name: string): Place =>
              field(expressions, 'LabelSelectorRequirement', name);
            return {
              key: goString(x['key'], inner('key')),
              operator: goString(x['operator'], inner('operator')),
              values: goStrings(x['values'], inner('values')),
            };
          });
          return requirement ?? { key: '', operator: '', values: null };
        },
      ),
    };
  });
  return selector ?? { matchLabels: null, matchExpressions: null };
}

function decodeSubject(value: unknown, place: Place): Subject {
  const subject = goStruct(value, place, 'v1.Subject', (r) => {
    const at = (name: string): Place => field(place, 'Subject', name);
    return {
      kind: goString(r['kind'], at('kind')),
      apiGroup: goString(r['apiGroup'], at('apiGroup')),
      name: goString(r['name'], at('name')),
      namespace: goString(r['namespace'], at('namespace')),
    };
  });
  return subject ?? { kind: '', apiGroup: '', name: '', namespace: '' };
}

/**
 * Decodes a Role, ClusterRole, RoleBinding or ClusterRoleBinding as kubectl's typed decoder
 * does; throws GoTypeError for a value of the wrong type.
 */
export function decodeRbac(object: Record<string, unknown>): RbacObject {
  const kind = String(object['kind'] ?? '');
  const apiVersion = String(object['apiVersion'] ?? '');
  const top: Place = { struct: kind, path: '' };
  const metadata = decodeMeta(object['metadata'], kind);
  if (kind === 'Role' || kind === 'ClusterRole') {
    const rulesAt = field(top, kind, 'rules');
    const rules = goList(object['rules'], rulesAt, 'v1.PolicyRule', (r) => decodeRule(r, rulesAt));
    let aggregationRule: AggregationRule | null = null;
    if (kind === 'ClusterRole') {
      const at = field(top, kind, 'aggregationRule');
      aggregationRule = goStruct(object['aggregationRule'], at, 'v1.AggregationRule', (r) => {
        const selectorsAt = field(at, 'AggregationRule', 'clusterRoleSelectors');
        return {
          clusterRoleSelectors: goList(
            r['clusterRoleSelectors'],
            selectorsAt,
            'v1.LabelSelector',
            (s) => decodeSelector(s, selectorsAt),
          ),
        };
      });
    }
    return { kind, apiVersion, metadata, rules, aggregationRule };
  }
  if (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding')
    throw new Error(`not an RBAC kind: ${kind}`);
  const subjectsAt = field(top, kind, 'subjects');
  const subjects = goList(object['subjects'], subjectsAt, 'v1.Subject', (s) =>
    decodeSubject(s, subjectsAt),
  );
  const refAt = field(top, kind, 'roleRef');
  const roleRef = goStruct(object['roleRef'], refAt, 'v1.RoleRef', (r) => {
    const at = (name: string): Place => field(refAt, 'RoleRef', name);
    return {
      apiGroup: goString(r['apiGroup'], at('apiGroup')),
      kind: goString(r['kind'], at('kind')),
      name: goString(r['name'], at('name')),
    };
  }) ?? { apiGroup: '', kind: '', name: '' };
  return { kind, apiVersion, metadata, subjects, roleRef };
}

/** A string map of the metadata (labels, annotations); undefined is Go's nil map. */
export function metaMap(
  meta: ObjectMeta,
  key: 'labels' | 'annotations',
): Record<string, string> | undefined {
  return meta[key] as Record<string, string> | undefined;
}

export function metaString(meta: ObjectMeta, key: 'name' | 'namespace' | 'uid'): string {
  const value = meta[key];
  return typeof value === 'string' ? value : '';
}

function nonEmpty<T>(list: T[] | null): list is T[] {
  return list !== null && list.length > 0;
}

function sortedMap(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, map[key] ?? '']),
  );
}

/** ObjectMeta as encoding/json writes it: omitempty fields left out, maps sorted. */
function encodeMeta(meta: ObjectMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of META_ORDER) {
    const value = meta[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === 'generation' && value === 0) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === 'labels' || key === 'annotations') {
      const map = value as Record<string, string>;
      if (Object.keys(map).length > 0) out[key] = sortedMap(map);
      continue;
    }
    out[key] = value;
  }
  return out;
}

function encodeRule(rule: PolicyRule): Record<string, unknown> {
  const out: Record<string, unknown> = { verbs: rule.verbs };
  if (nonEmpty(rule.apiGroups)) out['apiGroups'] = rule.apiGroups;
  if (nonEmpty(rule.resources)) out['resources'] = rule.resources;
  if (nonEmpty(rule.resourceNames)) out['resourceNames'] = rule.resourceNames;
  if (nonEmpty(rule.nonResourceURLs)) out['nonResourceURLs'] = rule.nonResourceURLs;
  return out;
}

function encodeSelector(selector: LabelSelector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (selector.matchLabels && Object.keys(selector.matchLabels).length > 0)
    out['matchLabels'] = sortedMap(selector.matchLabels);
  if (nonEmpty(selector.matchExpressions))
    out['matchExpressions'] = selector.matchExpressions.map((e) => ({
      key: e.key,
      operator: e.operator,
      ...(nonEmpty(e.values) ? { values: e.values } : {}),
    }));
  return out;
}

function encodeSubject(subject: Subject): Record<string, unknown> {
  return {
    kind: subject.kind,
    ...(subject.apiGroup ? { apiGroup: subject.apiGroup } : {}),
    name: subject.name,
    ...(subject.namespace ? { namespace: subject.namespace } : {}),
  };
}

/** The object as encoding/json writes the Go struct: Go field order, omitempty honoured. */
export function encodeRbac(object: RbacObject): Record<string, unknown> {
  const head = {
    kind: object.kind,
    apiVersion: object.apiVersion,
    metadata: encodeMeta(object.metadata),
  };
  if (isRoleObject(object)) {
    const out: Record<string, unknown> = {
      ...head,
      rules: object.rules === null ? null : object.rules.map(encodeRule),
    };
    if (object.aggregationRule !== null) {
      const selectors = object.aggregationRule.clusterRoleSelectors;
      out['aggregationRule'] = nonEmpty(selectors)
        ? { clusterRoleSelectors: selectors.map(encodeSelector) }
        : {};
    }
    return out;
  }
  return {
    ...head,
    ...(nonEmpty(object.subjects) ? { subjects: object.subjects.map(encodeSubject) } : {}),
    roleRef: { ...object.roleRef },
  };
}

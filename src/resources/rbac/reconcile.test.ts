import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uncoveredRules } from './policy-covers.js';
import type { BindingObject, PolicyRule, RoleObject } from './rbac-types.js';
import { decodeRbac, encodeRbac } from './rbac-types.js';
import { formatRule, formatSubject, reconcileBinding, reconcileRole } from './reconcile.js';

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

function clusterRole(fields: Record<string, unknown>): RoleObject {
  return decodeRbac({
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name: 'r' },
    ...fields,
  }) as RoleObject;
}

test('Covers breaks rules down and honours *, */subresource and URL prefixes', () => {
  const owner = [
    rule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', '*/log'] }),
    rule({ verbs: ['get'], nonResourceURLs: ['/api/*'] }),
  ];
  const servant = [
    rule({ verbs: ['get', 'watch'], apiGroups: [''], resources: ['pods', 'pods/log'] }),
    rule({ verbs: ['get'], nonResourceURLs: ['/api/v1', '/healthz'] }),
    rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }),
  ];
  assert.deepEqual(uncoveredRules(owner, servant).map(formatRule), [
    '{Verbs:[watch] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}',
    '{Verbs:[watch] APIGroups:[] Resources:[pods/log] ResourceNames:[] NonResourceURLs:[]}',
    '{Verbs:[get] APIGroups:[] Resources:[] ResourceNames:[] NonResourceURLs:[/healthz]}',
  ]);
});

test('a role gains the missing rules and the expected labels; live values win', () => {
  const live = clusterRole({
    metadata: { name: 'r', labels: { a: 'live' } },
    rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
  });
  const expected = clusterRole({
    metadata: { name: 'r', labels: { a: 'file', b: 'file' } },
    rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
  });
  const result = reconcileRole(live, expected, false);
  assert.equal(result.operation, 'update');
  assert.deepEqual(result.role.metadata['labels'], { a: 'live', b: 'file' });
  assert.deepEqual(result.role.rules?.map(formatRule), [
    '{Verbs:[get] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}',
    '{Verbs:[list] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}',
  ]);
  const stomped = reconcileRole(expected, live, true);
  assert.equal(stomped.extraRules.length, 1);
  assert.deepEqual(stomped.role.rules, live.rules);
  // an empty map in the file differs from the nil one of the live object (reflect.DeepEqual)
  const withEmpty = clusterRole({ metadata: { name: 'r', annotations: {} }, rules: live.rules });
  assert.equal(reconcileRole(live, withEmpty, false).operation, 'update');
  assert.equal(reconcileRole(live, clusterRole({ rules: [] }), false).operation, 'none');
});

test('aggregation selectors are added, or replaced with --remove-extra-permissions', () => {
  const one = { matchLabels: { x: 'one' } };
  const two = { matchLabels: { x: 'two' } };
  const live = clusterRole({ aggregationRule: { clusterRoleSelectors: [one] }, rules: [] });
  const expected = clusterRole({ aggregationRule: { clusterRoleSelectors: [two] }, rules: [] });
  const added = reconcileRole(live, expected, false);
  assert.equal(added.operation, 'update');
  assert.equal(added.role.aggregationRule?.clusterRoleSelectors?.length, 2);
  const replaced = reconcileRole(live, expected, true);
  assert.deepEqual(encodeRbac(replaced.role)['aggregationRule'], { clusterRoleSelectors: [two] });
  assert.equal(reconcileRole(live, clusterRole({ rules: [] }), false).role.aggregationRule, null);
});

test('bindings: missing subjects appended, a new roleRef means recreate, opt-out noticed', () => {
  const binding = (subjects: string[], role = 'r', annotations?: object): BindingObject =>
    decodeRbac({
      kind: 'RoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'b', namespace: 'n', annotations },
      subjects: subjects.map((name) => ({ kind: 'User', name })),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
    }) as BindingObject;
  const result = reconcileBinding(binding(['a']), binding(['b', 'a', 'b']), false);
  assert.deepEqual(result.missingSubjects.map(formatSubject), [
    '{Kind:User APIGroup: Name:b Namespace:}',
  ]);
  assert.deepEqual(
    result.binding.subjects?.map((s) => s.name),
    ['a', 'b'],
  );
  assert.equal(
    reconcileBinding(binding(['a']), binding(['a'], 'other'), false).operation,
    'recreate',
  );
  const optedOut = binding(['a'], 'r', { 'rbac.authorization.kubernetes.io/autoupdate': 'false' });
  assert.equal(reconcileBinding(optedOut, binding(['c']), false).protected, true);
});

test('decoding keeps Go field order and refuses values of the wrong type', () => {
  const role = decodeRbac({
    rules: [{ resources: ['pods'], verbs: ['get'], bogus: 1 }],
    metadata: { labels: { a: 'b' }, name: 'x', creationTimestamp: null },
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
  });
  assert.equal(
    JSON.stringify(encodeRbac(role)),
    '{"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"x","labels":{"a":"b"}},"rules":[{"verbs":["get"],"resources":["pods"]}]}',
  );
  assert.throws(
    () => decodeRbac({ kind: 'ClusterRole', rules: [{ verbs: 'get' }] }),
    /^Error: json: cannot unmarshal string into Go struct field PolicyRule\.rules\.verbs of type \[\]string$/,
  );
  assert.throws(
    () => decodeRbac({ kind: 'RoleBinding', metadata: { labels: { a: 1 } } }),
    /Go struct field ObjectMeta\.metadata\.labels of type string$/,
  );
});

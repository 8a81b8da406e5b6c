/**
 * `ktl auth reconcile` side by side with kubectl 1.34.4. Each tool reconciles its own copies of
 * the same manifests (cluster-scoped names and namespaces carry the tool's prefix): stdout,
 * stderr and exit code of every step compare equal once the prefix is replaced, and so do the
 * roles and bindings left behind (rules, subjects, roleRef, labels, annotations, field manager).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { ktl, kubectl, kubectlOk, viewerKubeconfig } from '../helpers/cluster.js';

type Tool = 'ktl' | 'kubectl';

const tag = `${process.pid}-${Date.now().toString(36)}`;
const prefixes: Record<Tool, string> = { ktl: `rk-o-${tag}`, kubectl: `rk-k-${tag}` };

/** Manifests by file name; P is replaced by the tool's prefix. */
const FILES: Record<string, string> = {
  base: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: P-cr
  labels: {team: a}
rules:
- apiGroups: [""]
  resources: [pods, services]
  verbs: [get, list]
- nonResourceURLs: [/healthz]
  verbs: [get]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: skipped
data: {a: b}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: role
  namespace: P-ns
rules:
- apiGroups: [apps]
  resources: [deployments]
  resourceNames: [web]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: binding
  namespace: P-ns
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: alice}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: P-crb
subjects:
- {kind: ServiceAccount, name: default, namespace: P-ns}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: P-cr}
`,
  more: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: P-cr
  labels: {team: b, tier: web}
  annotations: {note: more}
rules:
- apiGroups: [""]
  resources: [pods, configmaps]
  verbs: [get, watch]
- apiGroups: [""]
  resources: [pods/log]
  verbs: [get]
- nonResourceURLs: ["/metrics"]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: binding
  namespace: P-ns
  labels: {x: "1"}
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: bob}
- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: devs}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role}
`,
  reref: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: binding
  namespace: P-ns
subjects:
- {kind: User, apiGroup: rbac.authorization.k8s.io, name: carol}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: P-cr}
`,
  aggregate: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: P-agg
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {P-aggregate: one}
rules: []
`,
  aggregate2: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: P-agg
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {P-aggregate: two}
rules: []
`,
  mixed: `apiVersion: rbac.authorization.k8s.io/v1beta1
kind: Role
metadata:
  name: old
  namespace: P-ns
rules: []
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: P-typed
rules:
- verbs: get
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  labels: {a: b}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: elsewhere
  namespace: default
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: P-dry
  namespace: P-ns
rules:
- apiGroups: ["", apps]
  resources: ["*"]
  verbs: [list]
`,
  typeless: `zeta: 1
metadata: {name: x, b: "<&>"}
alpha: [1, 2.5, true]
---
kind: Role
metadata: {name: x}
`,
};

/** Steps: the arguments after `auth reconcile`; FILE:name is that manifest's path. */
const STEPS: string[][] = [
  ['-f', 'FILE:base', '--dry-run=client'],
  ['-f', 'FILE:base', '--dry-run=client', '-o', 'json'],
  ['-f', 'FILE:base'],
  ['-f', 'FILE:base'],
  ['-f', 'FILE:base', '-o', 'yaml'],
  ['-f', 'FILE:more', '--dry-run=client', '-o', 'yaml'],
  ['-f', 'FILE:more'],
  ['-f', 'FILE:more', '-o', 'name'],
  ['-f', 'FILE:reref', '--dry-run=client', '-o', 'json'],
  ['-f', 'FILE:reref'],
  ['-f', 'FILE:base', '--remove-extra-permissions', '--remove-extra-subjects', '--dry-run'],
  ['-f', 'FILE:base', '--remove-extra-permissions', '--remove-extra-subjects'],
  ['-f', 'FILE:more', '--remove-extra-permissions', '-o', 'jsonpath={.metadata.labels}'],
  ['-f', 'FILE:aggregate'],
  ['-f', 'FILE:aggregate2'],
  ['-f', 'FILE:aggregate', '--remove-extra-permissions'],
  ['-f', 'FILE:mixed', '--dry-run=client'],
  ['-f', 'FILE:mixed', '--dry-run=client', '-n', 'P-ns'],
  ['-f', 'FILE:base', 'extra-arg'],
  [],
  ['-f', 'FILE:base', '--dry-run=server'],
  ['-f', 'FILE:base', '--dry-run=maybe'],
  ['-f', 'FILE:base', '-o', 'wide'],
  ['-f', 'FILE:missing'],
  ['-f', 'FILE:base', '-k', 'FILE:dir'],
  ['-f', 'FILE:typeless', '--dry-run=client'],
  ['-f', 'FILE:more', '--kubeconfig', 'VIEWER'],
];

interface Env {
  dir: string;
  prefix: string;
}

function argsFor(step: readonly string[], env: Env): string[] {
  return step.map((word) =>
    word
      .replace(/^FILE:dir$/, env.dir)
      .replace(/^VIEWER$/, viewerKubeconfig)
      .replace(/FILE:(\w+)/, (_, name: string) => join(env.dir, `${name}.yaml`))
      .replaceAll('P-', `${env.prefix}-`),
  );
}

function normal(result: RunResult, env: Env): RunResult {
  const fix = (text: string): string =>
    text
      .replaceAll(env.dir, 'DIR')
      .replaceAll(env.prefix, 'P')
      .replace(/"(uid|resourceVersion|creationTimestamp)": "[^"]*"/g, '"$1": "X"')
      .replace(/(uid|resourceVersion|creationTimestamp): .*/g, '$1: X')
      .replace(/^W\d{4} [\d:.]+ +\d+ /gm, 'W ')
      .replaceAll('kubectl', 'ktl');
  return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
}

/** The RBAC objects a tool's steps left, without what differs between any two objects. */
async function leftBehind(prefix: string): Promise<string> {
  const clusterRoles = ['cr', 'agg', 'typed', 'dry'].map((n) => `${prefix}-${n}`);
  const listed = [
    ['get', 'clusterroles', ...clusterRoles],
    ['get', 'clusterrolebindings', `${prefix}-crb`],
    ['get', 'roles,rolebindings', '-n', `${prefix}-ns`],
  ];
  const items: Array<Record<string, unknown>> = [];
  for (const args of listed) {
    const text = await kubectlOk([
      ...args,
      '--ignore-not-found',
      '-o',
      'json',
      '--show-managed-fields',
    ]);
    if (text.trim() === '') continue;
    const parsed = JSON.parse(text) as { items?: Array<Record<string, unknown>> };
    items.push(...(parsed.items ?? [parsed]));
  }
  const shown = items.map((o) => {
    const meta = o['metadata'] as Record<string, unknown>;
    const managers = ((meta['managedFields'] ?? []) as Array<Record<string, unknown>>).map(
      (m) => `${String(m['manager'])}/${String(m['operation'])}`,
    );
    const { rules, aggregationRule, subjects, roleRef, kind } = o;
    return {
      kind,
      name: meta['name'],
      labels: meta['labels'],
      annotations: meta['annotations'],
      managers,
      rules: kind === 'ClusterRole' && aggregationRule ? 'aggregated' : rules,
      aggregationRule,
      subjects,
      roleRef,
    };
  });
  return JSON.stringify(shown).replaceAll(prefix, 'P');
}

test('auth reconcile: every step prints and leaves what kubectl does', async (t) => {
  const envs = {} as Record<Tool, Env>;
  for (const tool of ['ktl', 'kubectl'] as const) {
    const dir = mkdtempSync(join(tmpdir(), `ktl-reconcile-${tool}-`));
    envs[tool] = { dir, prefix: prefixes[tool] };
    for (const [name, text] of Object.entries(FILES))
      writeFileSync(join(dir, `${name}.yaml`), text.replaceAll('P-', `${prefixes[tool]}-`));
  }
  t.after(async () => {
    for (const env of Object.values(envs)) {
      rmSync(env.dir, { recursive: true, force: true });
      const p = env.prefix;
      await kubectl([
        'delete',
        'clusterrole',
        `${p}-cr`,
        `${p}-agg`,
        `${p}-typed`,
        `${p}-dry`,
        '--ignore-not-found',
      ]);
      await kubectl(['delete', 'clusterrolebinding', `${p}-crb`, '--ignore-not-found']);
      await kubectl(['delete', 'namespace', `${p}-ns`, '--ignore-not-found', '--wait=false']);
    }
  });
  for (const step of STEPS) {
    const label = step.join(' ') || '(no flags)';
    // the two tools touch only their own objects: they run side by side
    const [ours, theirs] = await Promise.all([
      ktl(['auth', 'reconcile', ...argsFor(step, envs.ktl)]),
      kubectl(['auth', 'reconcile', ...argsFor(step, envs.kubectl)]),
    ]);
    assert.deepEqual(normal(ours, envs.ktl), normal(theirs, envs.kubectl), label);
    const [ourObjects, theirObjects] = await Promise.all([
      leftBehind(prefixes.ktl),
      leftBehind(prefixes.kubectl),
    ]);
    assert.equal(ourObjects, theirObjects, label);
  }
});

test('auth reconcile: an opted-out object is reported and left alone', async (t) => {
  // `rbac.authorization.kubernetes.io/autoupdate: "false"` on the live object
  const dir = mkdtempSync(join(tmpdir(), 'ktl-reconcile-protected-'));
  const names = { ktl: `rk-po-${tag}`, kubectl: `rk-pk-${tag}` };
  t.after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await kubectl(['delete', 'clusterrole', names.ktl, names.kubectl, '--ignore-not-found']);
  });
  const results: RunResult[] = [];
  for (const tool of ['ktl', 'kubectl'] as const) {
    const name = names[tool];
    await kubectlOk(['create', 'clusterrole', name, '--verb=get', '--resource=pods']);
    await kubectlOk([
      'annotate',
      'clusterrole',
      name,
      'rbac.authorization.kubernetes.io/autoupdate=false',
    ]);
    const file = join(dir, `${tool}.yaml`);
    writeFileSync(
      file,
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\n  labels: {added: "yes"}\nrules:\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [list]\n`,
    );
    const run = tool === 'ktl' ? ktl : kubectl;
    const result = await run(['auth', 'reconcile', '-f', file]);
    results.push({
      ...result,
      stdout: result.stdout.replaceAll(name, 'NAME'),
      stderr: result.stderr.replaceAll(name, 'NAME'),
    });
  }
  assert.deepEqual(results[0], results[1]);
  assert.match(results[0]?.stderr ?? '', /opted out/);
  for (const name of Object.values(names)) {
    const live = await kubectlOk([
      'get',
      'clusterrole',
      name,
      '-o',
      'jsonpath={.rules}{.metadata.labels}',
    ]);
    assert.equal(live, '[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]');
  }
});

/**
 * The `kustomize` benchmark's tree, written to a temporary directory: a base of ~70 objects
 * (Deployments, Services, ConfigMaps, RBAC and five CustomResourceDefinitions with large
 * schemas, the size of Argo CD's install) under three overlays that patch, rename, relabel,
 * regenerate and retag it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUSTOMIZE_TREE = join(tmpdir(), 'ktl-bench-kustomize');
export const KUSTOMIZE_TOP = join(KUSTOMIZE_TREE, 'overlays', 'prod-eu');

function schema(depth: number, width: number): string {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < width; i++)
    props[`field${i}`] =
      depth > 0 && i % 3 === 0
        ? JSON.parse(schema(depth - 1, width))
        : {
            type: i % 2 ? 'string' : 'integer',
            description: `Field ${i} of the spec, at depth ${depth}: a sentence long enough to look like real documentation text.`,
          };
  return JSON.stringify({ type: 'object', properties: props });
}

function crd(index: number): string {
  const plural = `widgets${index}`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.bench.example.com
spec:
  group: bench.example.com
  names:
    kind: Widget${index}
    listKind: Widget${index}List
    plural: ${plural}
    singular: widget${index}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: ${JSON.stringify({ type: 'object', properties: { spec: JSON.parse(schema(3, 9)) } })}
`;
}

function workload(index: number): string {
  const name = `svc-${index}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      serviceAccountName: runner
      containers:
      - name: main
        image: registry.example.com/team/${name}:1.0.${index}
        ports: [{containerPort: 8080, name: http}]
        envFrom: [{configMapRef: {name: shared-config}}]
        env:
        - {name: INDEX, value: "${index}"}
        - name: SECRET
          valueFrom: {secretKeyRef: {name: shared-secret, key: token}}
        resources:
          requests: {cpu: 10m, memory: 32Mi}
        volumeMounts: [{name: cfg, mountPath: /etc/app}]
      volumes:
      - name: cfg
        configMap: {name: ${name}-files}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-files
data:
  app.properties: |
    index=${index}
    mode=base
`;
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** Writes the tree (idempotent). */
export function prepareKustomizeTree(): void {
  rmSync(KUSTOMIZE_TREE, { recursive: true, force: true });
  const base = join(KUSTOMIZE_TREE, 'base');
  const files: string[] = [];
  for (let i = 0; i < 5; i++) {
    write(join(base, `crd-${i}.yaml`), crd(i));
    files.push(`crd-${i}.yaml`);
  }
  for (let i = 0; i < 20; i++) {
    write(join(base, `svc-${i}.yaml`), workload(i));
    files.push(`svc-${i}.yaml`);
  }
  write(
    join(base, 'rbac.yaml'),
    `apiVersion: v1
kind: ServiceAccount
metadata: {name: runner}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: runner}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: runner}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: runner}
subjects: [{kind: ServiceAccount, name: runner}]
`,
  );
  files.push('rbac.yaml');
  write(
    join(base, 'kustomization.yaml'),
    `resources:\n${files.map((f) => `- ${f}`).join('\n')}
configMapGenerator:
- name: shared-config
  literals: [LOG=info, REGION=none]
secretGenerator:
- name: shared-secret
  literals: [token=base]
labels:
- pairs: {app.kubernetes.io/part-of: bench}
  includeSelectors: false
`,
  );
  write(
    join(KUSTOMIZE_TREE, 'overlays', 'staging', 'kustomization.yaml'),
    `resources: [../../base]
namespace: bench-staging
namePrefix: stg-
commonAnnotations: {stage: staging}
patches:
- target: {kind: Deployment}
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: any}
    spec:
      template:
        spec:
          containers:
          - name: main
            env:
            - {name: STAGE, value: staging}
- target: {kind: Service}
  patch: |-
    - {op: add, path: /metadata/labels, value: {exposed: "true"}}
configMapGenerator:
- name: shared-config
  behavior: merge
  literals: [LOG=debug]
`,
  );
  write(
    join(KUSTOMIZE_TREE, 'overlays', 'prod', 'kustomization.yaml'),
    `resources: [../staging]
nameSuffix: -prod
labels:
- pairs: {env: prod}
  includeSelectors: true
replicas:
${Array.from({ length: 20 }, (_, i) => `- {name: stg-svc-${i}, count: 3}`).join('\n')}
images:
${Array.from({ length: 20 }, (_, i) => `- {name: registry.example.com/team/svc-${i}, newTag: "2.0.${i}"}`).join('\n')}
`,
  );
  write(
    join(KUSTOMIZE_TREE, 'overlays', 'prod-eu', 'kustomization.yaml'),
    `resources: [../prod]
namespace: bench-prod-eu
commonAnnotations: {region: eu}
configMapGenerator:
- name: shared-config
  behavior: merge
  literals: [REGION=eu]
patches:
- target: {kind: Deployment, name: ".*svc-1[0-9].*"}
  patch: |-
    - {op: replace, path: /spec/template/spec/containers/0/resources/requests/cpu, value: 50m}
`,
  );
}

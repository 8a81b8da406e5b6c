/** The `apply -f <dir>` benchmark: 200 manifests generated into a temporary directory. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const APPLY_NAMESPACE = 'ktl-bench-apply';
export const APPLY_DIR = join(tmpdir(), 'ktl-bench-apply-200');
/** The same objects, for a namespace where none exist (first apply, as a server dry run). */
export const APPLY_FRESH_DIR = join(tmpdir(), 'ktl-bench-apply-200-fresh');

function manifest(index: number, namespace: string): string {
  const name = `bench-${String(index).padStart(3, '0')}`;
  if (index % 4 === 0)
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  replicas: 0\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports: [{containerPort: 80}]\n        env: [{name: A, value: "1"}]\n`;
  if (index % 4 === 1)
    return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 80, targetPort: 8080}]\n`;
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ndata:\n  key: "${index}"\n`;
}

function writeDir(dir: string, namespace: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 200; i++)
    writeFileSync(join(dir, `obj-${String(i).padStart(3, '0')}.yaml`), manifest(i, namespace));
}

/** Writes both directories and applies the first once with kubectl (for the no-change run). */
export function prepareApplyDir(kubectl: string, env: NodeJS.ProcessEnv): void {
  writeDir(APPLY_DIR, APPLY_NAMESPACE);
  writeDir(APPLY_FRESH_DIR, `${APPLY_NAMESPACE}-fresh`);
  for (const namespace of [APPLY_NAMESPACE, `${APPLY_NAMESPACE}-fresh`]) {
    const exists = spawnSync(kubectl, ['get', 'namespace', namespace], { env }).status === 0;
    if (!exists) spawnSync(kubectl, ['create', 'namespace', namespace], { env, stdio: 'inherit' });
  }
  spawnSync(kubectl, ['apply', '-f', APPLY_DIR], { env, stdio: 'ignore' });
}

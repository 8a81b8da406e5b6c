/**
 * Bare kwok pods for the dashboard bench at scale (issue 19): created as several concurrent
 * `kubectl create -f` of 5,000-pod Lists with `nodeName` set, so neither the scheduler nor a
 * controller stands between the bench and the server (kwok marks them Running). A Deployment
 * of 20,000 replicas would take the controller-manager many minutes to create.
 *
 * Pod i is `p-<i, 6 digits>` with the label `bucket=<i mod 10>`: bucket 9 is the 10 % that the
 * bench deletes and creates again (churn), spread over the whole sorted list as real churn is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How many pods one `create -f` List holds. */
const LIST_SIZE = 5000;
/** The bucket label value of the pods that churn. */
export const CHURN_BUCKET = '9';

/** The name of pod i. */
export function podName(index: number): string {
  return `p-${String(index).padStart(6, '0')}`;
}

function podObject(index: number, node: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: podName(index), labels: { app: 'dash-bench', bucket: String(index % 10) } },
    spec: {
      nodeName: node,
      containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }],
      tolerations: [{ operator: 'Exists' }],
    },
  };
}

function kubectlText(kubectl: string, env: NodeJS.ProcessEnv, args: string[]): string {
  const result = spawnSync(kubectl, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return result.stdout ?? '';
}

/** How many pods of the namespace are in each phase. */
function phases(kubectl: string, env: NodeJS.ProcessEnv, namespace: string): Map<string, number> {
  const text = kubectlText(kubectl, env, [
    'get',
    'pods',
    '-n',
    namespace,
    '--chunk-size=5000',
    '-o',
    'jsonpath={range .items[*]}{.status.phase}{"\\n"}{end}',
  ]);
  const counts = new Map<string, number>();
  for (const phase of text.split('\n').filter(Boolean))
    counts.set(phase, (counts.get(phase) ?? 0) + 1);
  return counts;
}

/** Creates pods `indexes` as concurrent `create -f` of Lists of at most LIST_SIZE pods. */
export async function createPods(
  kubectl: string,
  env: NodeJS.ProcessEnv,
  namespace: string,
  indexes: number[],
  nodes: string[],
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-bench-pods-'));
  try {
    const creates: Promise<void>[] = [];
    for (let start = 0; start < indexes.length; start += LIST_SIZE) {
      const file = join(dir, `pods-${start}.json`);
      const items = indexes
        .slice(start, start + LIST_SIZE)
        .map((i) => podObject(i, nodes[i % nodes.length] ?? 'kwok-node-0'));
      writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
      creates.push(
        new Promise((resolve) => {
          const child = spawn(kubectl, ['create', '-f', file, '-n', namespace], {
            env,
            stdio: 'ignore',
          });
          child.on('close', () => resolve());
        }),
      );
    }
    await Promise.all(creates);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes sure `namespace` holds pods p-000000 … p-<count-1>, all Running (creating what is
 * missing; pods beyond `count` are left alone, so sizes can grow run after run).
 */
export async function ensurePodLists(
  kubectl: string,
  env: NodeJS.ProcessEnv,
  namespace: string,
  count: number,
  nodes: string[],
): Promise<void> {
  kubectlText(kubectl, env, ['create', 'namespace', namespace]);
  const have = new Set(
    kubectlText(kubectl, env, ['get', 'pods', '-n', namespace, '-o', 'name', '--chunk-size=5000'])
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^pod\//, '')),
  );
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (!have.has(podName(i))) missing.push(i);
  const started = Date.now();
  if (missing.length > 0) {
    console.error(`[bench] creating ${missing.length} pods in ${namespace}`);
    await createPods(kubectl, env, namespace, missing, nodes);
  }
  for (;;) {
    const counts = phases(kubectl, env, namespace);
    const running = counts.get('Running') ?? 0;
    console.error(
      `[bench] ${running}/${count} pods Running in ${namespace} (${Math.round((Date.now() - started) / 1000)}s)`,
    );
    if (running >= count || process.env['BENCH_DASH_ANY_PHASE'] === '1') return;
    if (Date.now() - started > 900_000)
      throw new Error(`only ${running} of ${count} pods Running after 15 minutes`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

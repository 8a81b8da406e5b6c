import { spawnSync } from 'node:child_process';
import { BENCH_NAMESPACE } from './scenarios.js';

/**
 * Waits (up to 2 minutes) until metrics-server reports every pod of the bench namespace, so
 * that `top pod -A` prints the same rows on every run: a pod's first metrics need two scrapes.
 */
export function waitForPodMetrics(kubectl: string, env: NodeJS.ProcessEnv): void {
  const namespace = BENCH_NAMESPACE;
  const count = (args: string[]): number =>
    (spawnSync(kubectl, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout ?? '')
      .split('\n')
      .filter(Boolean).length;
  const started = Date.now();
  for (;;) {
    const pods = count(['get', 'pods', '-n', namespace, '--no-headers', '--chunk-size=1000']);
    const withMetrics = count(['top', 'pod', '-n', namespace, '--no-headers']);
    console.error(`[bench] metrics for ${withMetrics}/${pods} pods in ${namespace}`);
    if (withMetrics >= pods || Date.now() - started > 120_000) return;
    spawnSync('sleep', ['5']);
  }
}

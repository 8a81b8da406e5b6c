import { spawnSync } from 'node:child_process';
import { BENCH_NAMESPACE } from './scenarios.js';

function kubectlText(kubectl: string, env: NodeJS.ProcessEnv, args: string[]): string {
  const result = spawnSync(kubectl, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return result.stdout ?? '';
}

/** Makes sure the bench namespace holds `count` kwok pods (a Deployment scaled to that size). */
export function ensurePods(kubectl: string, env: NodeJS.ProcessEnv, count: number): void {
  kubectlText(kubectl, env, ['create', 'namespace', BENCH_NAMESPACE]);
  kubectlText(kubectl, env, [
    'create',
    'deployment',
    'bench',
    '--image=registry.k8s.io/pause:3.10',
    '-n',
    BENCH_NAMESPACE,
  ]);
  kubectlText(kubectl, env, [
    'scale',
    'deployment',
    'bench',
    `--replicas=${count}`,
    '-n',
    BENCH_NAMESPACE,
  ]);
  const started = Date.now();
  for (;;) {
    const names = kubectlText(kubectl, env, [
      'get',
      'pods',
      '-n',
      BENCH_NAMESPACE,
      '-o',
      'name',
      '--chunk-size=1000',
    ]);
    const have = names.split('\n').filter(Boolean).length;
    console.error(
      `[bench] ${have}/${count} pods in ${BENCH_NAMESPACE} (${Math.round((Date.now() - started) / 1000)}s)`,
    );
    if (have >= count) return;
    if (Date.now() - started > 900_000)
      throw new Error(`only ${have} of ${count} pods after 15 minutes`);
    spawnSync('sleep', ['5']);
  }
}

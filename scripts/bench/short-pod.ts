/** The one kwok pod the short-command scenarios describe, print and read the logs of. */
import { spawnSync } from 'node:child_process';

export const SHORT_NAMESPACE = 'ktl-bench-short';
export const SHORT_POD = 'short';

export function ensureShortPod(kubectl: string, env: NodeJS.ProcessEnv): void {
  const run = (args: string[]): number | null => spawnSync(kubectl, args, { env }).status;
  if (run(['get', 'pod', SHORT_POD, '-n', SHORT_NAMESPACE]) === 0) return;
  run(['create', 'namespace', SHORT_NAMESPACE]);
  run(['run', SHORT_POD, '--image=busybox', '-n', SHORT_NAMESPACE]);
  const ready = run([
    'wait',
    '--for=condition=Ready',
    `pod/${SHORT_POD}`,
    '-n',
    SHORT_NAMESPACE,
    '--timeout=120s',
  ]);
  if (ready !== 0) throw new Error(`pod ${SHORT_POD} did not become ready`);
}

/**
 * A/B of two ktl checkouts over the bench's delayed network (netns.ts): each command line run
 * alternately by A, B and kubectl, medians printed. For changes to round trips, measured with a
 * large BENCH_RTT_MS so that the delay outweighs a loaded machine's noise.
 *
 *   node --import tsx scripts/bench/rtt-ab.ts DIR_A DIR_B 'describe pod short -n ktl-bench-short' …
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpDelayedNetwork } from './netns.js';

const [dirA = '', dirB = '', ...commands] = process.argv.slice(2);
const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const rttMs = Number(process.env['BENCH_RTT_MS'] ?? 50);
const clusterDir = process.env['KTL_CLUSTER_DIR'] ?? '';
const env = Object.fromEntries(
  readFileSync(join(clusterDir, 'env'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const kubectl = join(env['KTL_BIN_DIR'] ?? '', 'kubectl');
const home = mkdtempSync(join(tmpdir(), 'ktl-rtt-ab-'));
const network = await setUpDelayedNetwork(Number(new URL(env['KTL_API_SERVER'] ?? '').port), rttMs);
if (typeof network === 'string') throw new Error(network);
const tools: Record<string, { argv: string[]; env: NodeJS.ProcessEnv }> = {};
for (const [name, dir] of [
  ['A', dirA],
  ['B', dirB],
] as const) {
  const run = join(home, `run-${name}`);
  mkdirSync(run, { recursive: true, mode: 0o700 });
  tools[name] = { argv: [join(dir, 'bin/ktl')], env: { XDG_RUNTIME_DIR: run } };
}
tools['kubectl'] = { argv: [kubectl], env: {} };
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
try {
  for (const command of commands) {
    const args = command.split(' ');
    const times: Record<string, number[]> = { A: [], B: [], kubectl: [] };
    for (let i = -2; i < runs; i++) {
      for (const [name, tool] of Object.entries(tools)) {
        const started = performance.now();
        const result = spawnSync(
          network.wrap([...tool.argv, ...args])[0] ?? '',
          network.wrap([...tool.argv, ...args]).slice(1),
          {
            env: {
              ...process.env,
              HOME: home,
              KUBECONFIG: env['KTL_KUBECONFIG'],
              NO_COLOR: '1',
              ...tool.env,
            },
            encoding: 'utf8',
          },
        );
        if (result.status !== 0)
          console.error(`${name} ${command}: exit ${result.status} ${result.stderr}`);
        if (i >= 0) times[name]?.push(performance.now() - started);
      }
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `${command} [${rttMs} ms RTT, load ${load}]: A ${median(times['A'] ?? []).toFixed(0)} ms, B ${median(times['B'] ?? []).toFixed(0)} ms, kubectl ${median(times['kubectl'] ?? []).toFixed(0)} ms`,
    );
  }
} finally {
  network.close();
  for (const name of ['A', 'B']) {
    const agents = join(home, `run-${name}`, 'ktl');
    let files: string[] = [];
    try {
      files = readdirSync(agents);
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.pid'))) {
      try {
        process.kill(Number(readFileSync(join(agents, file), 'utf8')));
      } catch {
        // already gone
      }
    }
  }
  rmSync(home, { recursive: true, force: true });
}

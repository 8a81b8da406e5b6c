/**
 * `npm run bench`: ktl and kubectl (the server's version) side by side on the local cluster.
 * Each scenario runs both tools alternately, several times; the table shows medians of wall
 * time and peak RSS (GNU time's %M) and the ratio ktl/kubectl, plus the number of HTTP
 * requests each made (from -v=6 logs). Not a test: its figures go into the issue notes.
 *
 * Then (unless a filter leaves it out) the dashboard scenario: scripts/bench/dashboard.ts.
 *
 *   BENCH_RUNS=7 BENCH_PODS=5000 BENCH_DASH_SECONDS=600 npm run bench [-- filter]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePods } from './pods.js';
import { scenarios } from './scenarios.js';
import type { Scenario, Tool } from './scenarios.js';

const root = new URL('../..', import.meta.url).pathname;
const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const filter = process.argv[2] ?? '';

interface Sample {
  ms: number;
  rssKb: number;
  code: number;
}

/**
 * The cluster's env file (KTL_BIN_DIR: where the same-version kubectl is). Scenarios that need
 * no server only read it (from KTL_CLUSTER_DIR when set, as cluster.sh reads it): `up` would
 * start a cluster of this checkout's own beside a running one.
 */
function readEnv(needsServer: boolean): Record<string, string> {
  const dir = process.env['KTL_CLUSTER_DIR'] ?? join(root, '.cluster');
  if (needsServer || !existsSync(join(dir, 'env'))) {
    const up = spawnSync('bash', [join(root, 'scripts/cluster/cluster.sh'), 'up'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (up.status !== 0) throw new Error('the local cluster did not start');
  }
  const text = spawnSync('bash', ['-c', `set -a; . ${join(dir, 'env')}; env`], {
    encoding: 'utf8',
  }).stdout;
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

function runOnce(argv: string[], env: NodeJS.ProcessEnv): Sample {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  const lines = (result.stderr ?? '').trim().split('\n');
  const rssKb = Number(lines.at(-1)) || 0;
  return { ms, rssKb, code: result.status ?? -1 };
}

function countRequests(argv: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(argv[0] ?? '', [...argv.slice(1), '-v=6'], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return (result.stderr.match(/"Response" verb=|\d{3} \w+ in \d+ milliseconds/g) ?? []).length;
}

/** Requests each tool makes in the scenario's cache state (warm: after one run of its own). */
function requestCounts(
  scenario: Scenario,
  bin: Record<Tool, string[]>,
  baseEnv: NodeJS.ProcessEnv,
  home: string,
): string {
  const counts = (['ktl', 'kubectl'] as const).map((tool) => {
    const env = { ...baseEnv, KUBECACHEDIR: join(home, `rq-${tool}`) };
    if (!scenario.coldCache) runOnce(commandFor(tool, scenario, bin), env);
    else rmSync(env.KUBECACHEDIR, { recursive: true, force: true });
    return countRequests(commandFor(tool, scenario, bin), env);
  });
  return counts.join(' / ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function envFor(tool: Tool, scenario: Scenario, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return tool === 'ktl' ? { ...env, ...scenario.ktlEnv } : env;
}

function commandFor(tool: Tool, scenario: Scenario, bin: Record<Tool, string[]>): string[] {
  return [...bin[tool], ...scenario.args];
}

function measure(
  scenario: Scenario,
  bin: Record<Tool, string[]>,
  baseEnv: NodeJS.ProcessEnv,
): Record<Tool, Sample[]> {
  const samples: Record<Tool, Sample[]> = { ktl: [], kubectl: [] };
  const cacheDir = mkdtempSync(join(tmpdir(), 'ktl-bench-cache-'));
  const env = { ...baseEnv, KUBECACHEDIR: cacheDir };
  for (const tool of ['ktl', 'kubectl'] as const)
    runOnce(commandFor(tool, scenario, bin), envFor(tool, scenario, env)); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const tool of ['ktl', 'kubectl'] as const) {
      if (scenario.coldCache) rmSync(cacheDir, { recursive: true, force: true });
      samples[tool].push(runOnce(commandFor(tool, scenario, bin), envFor(tool, scenario, env)));
    }
  }
  rmSync(cacheDir, { recursive: true, force: true });
  return samples;
}

function main(): void {
  const selected = scenarios.filter((s) => s.name.includes(filter));
  const clusterEnv = readEnv(selected.some((s) => !s.offline));
  const kubectl = join(clusterEnv['KTL_BIN_DIR'] ?? '', 'kubectl');
  const bin: Record<Tool, string[]> = {
    ktl: [process.execPath, join(root, 'bin/ktl')],
    kubectl: [kubectl],
  };
  const home = mkdtempSync(join(tmpdir(), 'ktl-bench-home-'));
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    KUBECONFIG: clusterEnv['KTL_KUBECONFIG'] ?? join(root, '.cluster/kubeconfig'),
    NO_COLOR: '1',
  };
  if (selected.some((s) => s.needsPods))
    ensurePods(kubectl, baseEnv, Number(process.env['BENCH_PODS'] ?? 5000));
  const rows: string[] = [];
  const results: unknown[] = [];
  for (const scenario of selected) {
    scenario.prepare?.(kubectl, baseEnv);
    const samples = measure(scenario, bin, baseEnv);
    const failed = (['ktl', 'kubectl'] as const).filter((t) =>
      samples[t].some((s) => s.code !== 0),
    );
    const ktlMs = median(samples.ktl.map((s) => s.ms));
    const kubectlMs = median(samples.kubectl.map((s) => s.ms));
    const ktlMb = median(samples.ktl.map((s) => s.rssKb)) / 1024;
    const kubectlMb = median(samples.kubectl.map((s) => s.rssKb)) / 1024;
    const requests = scenario.countRequests ? requestCounts(scenario, bin, baseEnv, home) : '';
    const note = failed.length > 0 ? `FAILED: ${failed.join(', ')}` : '';
    rows.push(
      `| ${scenario.name} | ${ktlMs.toFixed(0)} | ${kubectlMs.toFixed(0)} | ${(ktlMs / kubectlMs).toFixed(2)} | ${ktlMb.toFixed(1)} | ${kubectlMb.toFixed(1)} | ${(ktlMb / kubectlMb).toFixed(2)} | ${requests} | ${note} |`,
    );
    results.push({ scenario: scenario.name, runs, ktlMs, kubectlMs, ktlMb, kubectlMb, failed });
    console.error(`[bench] ${rows.at(-1)}`);
  }
  const header = [
    `ktl vs kubectl ${clusterEnv['KTL_K8S_VERSION'] ?? ''} on the local cluster, ${runs} runs each, medians (${new Date().toISOString()})`,
    '',
    '| scenario | ktl ms | kubectl ms | time ratio | ktl peak MB | kubectl peak MB | memory ratio | requests ktl / kubectl | |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  console.log([...header, ...rows].join('\n'));
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench/results.json'), JSON.stringify(results, null, 2));
  rmSync(home, { recursive: true, force: true });
  if ('dashboard'.includes(filter) || filter === '') runDashboardScenario();
}

/** `ktl dash` on the bench pods while they churn: CPU, memory and frame timings. */
function runDashboardScenario(): void {
  const dashboard = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/bench/dashboard.ts')],
    { stdio: 'inherit', cwd: root },
  );
  if (dashboard.status !== 0) throw new Error('the dashboard scenario failed');
}

main();

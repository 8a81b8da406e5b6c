/**
 * `npm run bench`: ktl and kubectl (the server's version) side by side on the local cluster.
 * Each scenario runs both tools alternately, several times; the table shows medians of wall
 * time and peak RSS (GNU time's %M) and the ratio ktl/kubectl, plus the number of HTTP
 * requests each made (from -v=6 logs). Not a test: its figures go into the issue notes.
 *
 * Then (unless a filter leaves it out) the dashboard scenario: scripts/bench/dashboard.ts, at
 * 5,000 and 20,000 pods (BENCH_DASH_SIZES=5000,20000,50000 adds the large size).
 *
 *   BENCH_RUNS=7 BENCH_PODS=5000 BENCH_DASH_SECONDS=600 npm run bench [-- filter]
 *   KTL_CLUSTER_DIR=/tmp/c npm run bench -- dashboard      (the dashboard only, on cluster /tmp/c)
 *
 * The filter `short` selects the everyday short commands (issue 20), each measured without
 * NODE_EXTRA_CA_CERTS, with it, and over a network namespace with BENCH_RTT_MS (50) of round
 * trip to the API server (netns.ts; needs root, BENCH_NETNS=0 skips it).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpDelayedNetwork } from './netns.js';
import type { DelayedNetwork } from './netns.js';
import { ensurePods } from './pods.js';
import { scenarios } from './scenarios.js';
import type { Scenario, Tool } from './scenarios.js';

const root = new URL('../..', import.meta.url).pathname;
const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const filter = process.argv[2] ?? '';
const clusterDir = process.env['KTL_CLUSTER_DIR'] ?? join(root, '.cluster');
/** The delayed network's round trip (netns.ts). */
const rttMs = Number(process.env['BENCH_RTT_MS'] ?? 50);

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
  const dir = clusterDir;
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

/** The conditions a scenario runs under: its variables and a wrapper (the delayed network). */
interface Variant {
  label: string;
  env: NodeJS.ProcessEnv;
  wrap: (argv: string[]) => string[];
}

function measure(
  scenario: Scenario,
  bin: Record<Tool, string[]>,
  variant: Variant,
): Record<Tool, Sample[]> {
  const samples: Record<Tool, Sample[]> = { ktl: [], kubectl: [] };
  const cacheDir = mkdtempSync(join(tmpdir(), 'ktl-bench-cache-'));
  const env = { ...variant.env, KUBECACHEDIR: cacheDir };
  const command = (tool: Tool): string[] => variant.wrap(commandFor(tool, scenario, bin));
  // warm-up, twice with a pause: ktl's first command starts its agent for the ones after it
  for (const round of [0, 1]) {
    for (const tool of ['ktl', 'kubectl'] as const)
      runOnce(command(tool), envFor(tool, scenario, env));
    if (round === 0) spawnSync('sleep', ['0.5']);
  }
  for (let i = 0; i < runs; i++) {
    for (const tool of ['ktl', 'kubectl'] as const) {
      if (scenario.coldCache) rmSync(cacheDir, { recursive: true, force: true });
      samples[tool].push(runOnce(command(tool), envFor(tool, scenario, env)));
    }
  }
  rmSync(cacheDir, { recursive: true, force: true });
  return samples;
}

function withoutVariable(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy[name];
  return copy;
}

/**
 * The short commands run three ways: without NODE_EXTRA_CA_CERTS, with it (pointing at the
 * system bundle, as on this machine and many corporate laptops), and over the delayed network.
 * ktl's agents get a runtime directory per network, so one started outside the namespace never
 * serves commands run inside it.
 */
function shortVariants(
  baseEnv: NodeJS.ProcessEnv,
  home: string,
  network: DelayedNetwork | undefined,
): Variant[] {
  const extraCas = process.env['NODE_EXTRA_CA_CERTS'] || '/etc/ssl/certs/ca-certificates.crt';
  for (const dir of ['run', 'run-delayed'])
    mkdirSync(join(home, dir), { recursive: true, mode: 0o700 });
  const local = {
    ...withoutVariable(baseEnv, 'NODE_EXTRA_CA_CERTS'),
    XDG_RUNTIME_DIR: join(home, 'run'),
  };
  const variants: Variant[] = [
    { label: '', env: local, wrap: (argv) => argv },
    {
      label: ' [NODE_EXTRA_CA_CERTS]',
      env: { ...local, NODE_EXTRA_CA_CERTS: extraCas },
      wrap: (argv) => argv,
    },
  ];
  if (network)
    variants.push({
      label: ` [${rttMs} ms RTT]`,
      env: { ...local, XDG_RUNTIME_DIR: join(home, 'run-delayed') },
      wrap: network.wrap,
    });
  return variants;
}

/** Ends the agents the bench's commands started (each notes its pid beside its socket). */
function stopAgents(home: string): void {
  for (const dir of ['run', 'run-delayed']) {
    const agents = join(home, dir, 'ktl');
    let names: string[] = [];
    try {
      names = readdirSync(agents);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.pid'))) {
      try {
        process.kill(Number(readFileSync(join(agents, name), 'utf8')), 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

async function main(): Promise<void> {
  const selected = scenarios.filter((s) =>
    filter === 'short' ? s.short === true : s.name.includes(filter),
  );
  const clusterEnv = readEnv(selected.some((s) => !s.offline));
  const kubectl = join(clusterEnv['KTL_BIN_DIR'] ?? '', 'kubectl');
  // bin/ktl itself, as a user's shell runs it (its launcher is part of what is measured)
  const bin: Record<Tool, string[]> = { ktl: [join(root, 'bin/ktl')], kubectl: [kubectl] };
  const home = mkdtempSync(join(tmpdir(), 'ktl-bench-home-'));
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    KUBECONFIG: clusterEnv['KTL_KUBECONFIG'] ?? join(root, '.cluster/kubeconfig'),
    NO_COLOR: '1',
  };
  if (selected.some((s) => s.needsPods))
    ensurePods(kubectl, baseEnv, Number(process.env['BENCH_PODS'] ?? 5000));
  let network: DelayedNetwork | undefined;
  if (selected.some((s) => s.short) && process.env['BENCH_NETNS'] !== '0') {
    const port = Number(new URL(clusterEnv['KTL_API_SERVER'] ?? '').port);
    const result = await setUpDelayedNetwork(port, rttMs);
    if (typeof result === 'string')
      console.error(`[bench] no delayed-network rows: ${result} (BENCH_NETNS=0 skips them)`);
    else network = result;
  }
  const rows: string[] = [];
  const results: unknown[] = [];
  const loadBefore = loadAverage();
  const jobs = selected.flatMap((scenario) =>
    scenario.short
      ? shortVariants(baseEnv, home, network).map((variant) => ({ scenario, variant }))
      : [{ scenario, variant: { label: '', env: baseEnv, wrap: (argv: string[]) => argv } }],
  );
  for (const { scenario, variant } of jobs) {
    if (variant.label === '' || !scenario.short) scenario.prepare?.(kubectl, baseEnv);
    const samples = measure(scenario, bin, variant);
    const failed = (['ktl', 'kubectl'] as const).filter((t) =>
      samples[t].some((s) => s.code !== 0),
    );
    const ktlMs = median(samples.ktl.map((s) => s.ms));
    const kubectlMs = median(samples.kubectl.map((s) => s.ms));
    const ktlMb = median(samples.ktl.map((s) => s.rssKb)) / 1024;
    const kubectlMb = median(samples.kubectl.map((s) => s.rssKb)) / 1024;
    const requests =
      scenario.countRequests && variant.label === ''
        ? requestCounts(scenario, bin, variant.env, home)
        : '';
    const note = failed.length > 0 ? `FAILED: ${failed.join(', ')}` : '';
    const name = `${scenario.name}${variant.label}`;
    rows.push(
      `| ${name} | ${ktlMs.toFixed(0)} | ${kubectlMs.toFixed(0)} | ${(ktlMs / kubectlMs).toFixed(2)} | ${ktlMb.toFixed(1)} | ${kubectlMb.toFixed(1)} | ${(ktlMb / kubectlMb).toFixed(2)} | ${requests} | ${note} |`,
    );
    results.push({ scenario: name, runs, ktlMs, kubectlMs, ktlMb, kubectlMb, failed });
    console.error(`[bench] ${rows.at(-1)}`);
  }
  network?.close();
  stopAgents(home);
  const header = [
    `ktl vs kubectl ${clusterEnv['KTL_K8S_VERSION'] ?? ''} on the local cluster, ${runs} runs each, medians (${new Date().toISOString()}); load average ${loadBefore} before, ${loadAverage()} after`,
    '',
    '| scenario | ktl ms | kubectl ms | time ratio | ktl peak MB | kubectl peak MB | memory ratio | requests ktl / kubectl | |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  if (network)
    header.splice(
      1,
      0,
      `Rows marked RTT: over a network namespace, delay added by ${network.delayedBy}.`,
    );
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

await main();

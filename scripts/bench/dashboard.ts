/**
 * `npm run bench` companion for the dashboard (issue 9): `ktl dash` on a namespace of kwok pods
 * while a Deployment is scaled down and up in a loop, in a real terminal (tmux). Samples the
 * process's CPU and RSS every second, presses a key every two seconds, and reports CPU, memory
 * and the dashboard's own frame statistics (render time, frames per second, key → frame).
 *
 *   BENCH_PODS=5000 BENCH_DASH_SECONDS=600 node --import tsx scripts/bench/dashboard.ts
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePods } from './pods.js';
import { BENCH_NAMESPACE } from './scenarios.js';

const root = new URL('../..', import.meta.url).pathname;
const pods = Number(process.env['BENCH_PODS'] ?? 5000);
const seconds = Number(process.env['BENCH_DASH_SECONDS'] ?? 120);
const churn = Number(process.env['BENCH_DASH_CHURN'] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'ktl-bench-dash-'));
const session = `ktl-bench-dash-${process.pid}`;

function clusterEnv(): NodeJS.ProcessEnv {
  const status = spawnSync('bash', [join(root, 'scripts/cluster/cluster.sh'), 'status'], {
    encoding: 'utf8',
  });
  if (status.status !== 0)
    throw new Error('the local cluster is not running (npm run cluster -- up)');
  const text = spawnSync('bash', ['-c', `set -a; . ${join(root, '.cluster/env')}; env`], {
    encoding: 'utf8',
  }).stdout;
  const vars = Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { ...process.env, ...vars, KUBECONFIG: join(root, '.cluster/kubeconfig') };
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** utime+stime in clock ticks, and RSS in kB, of a process. */
function sample(pid: number): { ticks: number; rssKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { ticks, rssKb: Number(rss?.[1] ?? 0) };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const env = clusterEnv();
  const kubectl = join(env['KTL_BIN_DIR'] ?? '', 'kubectl');
  ensurePods(kubectl, env, pods);
  const stats = join(dir, 'stats.json');
  const ktl = `${process.execPath} ${join(root, 'bin/ktl')} dash pods -n ${BENCH_NAMESPACE}`;
  tmux(
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '160',
    '-y',
    '50',
    'bash',
    '-c',
    `export KUBECONFIG='${env['KUBECONFIG']}' KTL_DASH_STATS='${stats}'; bash -c 'echo $$ > ${dir}/pid; exec ${ktl}'; sleep 600`,
  );
  await new Promise((r) => setTimeout(r, 1000));
  const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  const started = Date.now();
  const shown = (): number =>
    Number(/pods\([^)]*\)\[(\d+)\]/.exec(tmux('capture-pane', '-p', '-t', session))?.[1] ?? 0);
  while (shown() < pods) {
    if (Date.now() - started > 120_000) throw new Error('the dashboard did not show every pod');
    await new Promise((r) => setTimeout(r, 200));
  }
  const firstScreenMs = Date.now() - started + 1000;
  console.error(
    `[bench] dashboard shows ${pods} pods after ${firstScreenMs} ms; churning for ${seconds}s`,
  );
  const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  const cpu: number[] = [];
  const rss: number[] = [];
  let last = sample(pid);
  let up = false;
  for (let s = 1; s <= seconds; s++) {
    if (s % 15 === 1) {
      up = !up;
      spawn(
        kubectl,
        [
          'scale',
          'deployment',
          'bench',
          `--replicas=${up ? pods - churn : pods}`,
          '-n',
          BENCH_NAMESPACE,
        ],
        { env, stdio: 'ignore' },
      );
    }
    if (s % 2 === 0) tmux('send-keys', '-t', session, s % 4 === 0 ? 'j' : 'k');
    await new Promise((r) => setTimeout(r, 1000));
    const now = sample(pid);
    cpu.push(((now.ticks - last.ticks) / hz) * 100);
    rss.push(now.rssKb / 1024);
    last = now;
  }
  tmux('send-keys', '-t', session, 'q');
  await new Promise((r) => setTimeout(r, 1500));
  tmux('kill-session', '-t', session);
  spawnSync(
    kubectl,
    ['scale', 'deployment', 'bench', `--replicas=${pods}`, '-n', BENCH_NAMESPACE],
    { env },
  );
  const frames = JSON.parse(readFileSync(stats, 'utf8')) as Record<
    string,
    { count: number; p50: number; p95: number; max: number }
  >;
  const tenth = Math.max(1, Math.floor(rss.length / 10));
  const avg = (v: number[]): number => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  const fmt = (n: number): string => n.toFixed(1);
  console.log(
    `dashboard, ${pods} kwok pods, scaled ${pods}↔${pods - churn} every 15 s, ${seconds} s`,
  );
  console.log(`  first screen with all pods: ${firstScreenMs} ms`);
  console.log(
    `  CPU (% of one core): mean ${fmt(avg(cpu))}, p95 ${fmt(percentile(cpu, 0.95))}, max ${fmt(Math.max(...cpu))}`,
  );
  console.log(
    `  RSS MB: first 10% mean ${fmt(avg(rss.slice(0, tenth)))}, last 10% mean ${fmt(avg(rss.slice(-tenth)))}, max ${fmt(Math.max(...rss))}`,
  );
  for (const [name, s] of Object.entries(frames))
    console.log(`  ${name}: n=${s.count} p50 ${fmt(s.p50)} p95 ${fmt(s.p95)} max ${fmt(s.max)}`);
}

await main();

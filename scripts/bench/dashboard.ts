/**
 * `npm run bench` companion for the dashboard (issues 9 and 19): `ktl dash` on a namespace of
 * N kwok pods, in a pseudo-terminal the bench holds both ends of (dash-terminal.ts).
 *
 * For each size (BENCH_DASH_SIZES, default 5000,20000; 50000 is the optional large one) the
 * namespace ktl-bench-dash-<N> is filled with bare pods (pod-lists.ts: concurrent `create -f`
 * of 5,000-pod Lists with nodeName set) and then:
 *
 * - first full screen, BENCH_DASH_RUNS times (default 3): from spawning `ktl dash pods -n NS`
 *   until the terminal receives the frame whose title reads `pods(NS)[N]` (every pod listed and
 *   drawn; node's start-up included), and the RSS at that moment;
 * - a churn session of BENCH_DASH_SECONDS (default 60): 10 % of the pods (label bucket=9, spread
 *   over the list) are deleted with one DELETE of the collection and created again, over and
 *   over, while the bench presses j and k alternately (one key, then its frame, then 250–500 ms)
 *   and samples the process's RSS and CPU every second.
 *
 * Key to frame, as measured here: from the moment the bench writes a key to the terminal until
 * the first byte of output, written after that key, in which the selection bar (inverse video)
 * sits on the row the key moved it to. It includes the pty relay both ways, Ink's input
 * handling, the controller, the frame scheduler and the render and write of the whole frame; a
 * key whose frame does not come within 5 s counts as missed. The dashboard's own figures
 * (KTL_DASH_STATS: render time, frames per second, readable-to-next-frame) are printed too.
 *
 * Every figure carries the load average (1 min) read when it was taken: the bench shares its
 * cores. BENCH_DASH_KTL=path/to/bin/ktl,other/bin/ktl alternates builds run by run (before and
 * after a change, under the same load); the default is this checkout's bin/ktl.
 * BENCH_DASH_NODE_FLAGS are given to the dashboard's node (`--cpu-prof --cpu-prof-dir=DIR`).
 * BENCH_DASH_ANY_PHASE=1 does not wait for the pods to be Running (kwok, starved of CPU on a
 * loaded machine, marked only ~5 pods a second Running here). The churn deletes with
 * gracePeriodSeconds=0 so that it does not wait for kwok either.
 *
 *   KTL_CLUSTER_DIR=/tmp/c BENCH_DASH_SIZES=5000,20000,50000 node --import tsx scripts/bench/dashboard.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DashTerminal } from './dash-terminal.js';
import { CHURN_BUCKET, createPods, ensurePodLists, podName } from './pod-lists.js';

const root = new URL('../..', import.meta.url).pathname;
const clusterDir = process.env['KTL_CLUSTER_DIR'] ?? join(root, '.cluster');
const sizes = (process.env['BENCH_DASH_SIZES'] ?? '5000,20000').split(',').map(Number);
const runs = Number(process.env['BENCH_DASH_RUNS'] ?? 3);
const seconds = Number(process.env['BENCH_DASH_SECONDS'] ?? 60);
const builds = (process.env['BENCH_DASH_KTL'] ?? join(root, 'bin/ktl')).split(',');
const KEY_TIMEOUT_MS = 5000;
/** Flags for the dashboard's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p` to profile it. */
const nodeFlags = process.env['BENCH_DASH_NODE_FLAGS'] ?? '';

function clusterEnv(): NodeJS.ProcessEnv {
  const status = spawnSync('bash', [join(root, 'scripts/cluster/cluster.sh'), 'status'], {
    encoding: 'utf8',
    env: { ...process.env, KTL_CLUSTER_DIR: clusterDir },
  });
  if (status.status !== 0)
    throw new Error(`the cluster in ${clusterDir} is not running (npm run cluster -- up)`);
  const text = spawnSync('bash', ['-c', `set -a; . ${join(clusterDir, 'env')}; env`], {
    encoding: 'utf8',
  }).stdout;
  const vars = Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { ...process.env, ...vars, KUBECONFIG: join(clusterDir, 'kubeconfig') };
}

/** utime+stime in clock ticks, and RSS in kB, of a process. */
function sample(pid: number): { ticks: number; rssKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { ticks, rssKb: Number(rss?.[1] ?? 0) };
}

function load1(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The frame that lists all N pods: its title reads `pods(NS)[N]`. */
const fullScreen = (namespace: string, size: number): RegExp =>
  new RegExp(escape(`pods(${namespace})[${size}]`));
/** The selection bar (inverse video, maybe followed by a colour) on a pod's row. */
const selectedRow = (name: string): RegExp =>
  new RegExp(`\\x1b\\[7m(?:\\x1b\\[[0-9;]*m)*${escape(name)}`);

interface Launch {
  terminal: DashTerminal;
  dir: string;
  stats: string;
}

/**
 * A HOME per build, kept across its runs: no user preferences, and ktl's V8 code cache (in
 * ~/.kube/cache) warm after the first run, as a user's is.
 */
const homes = new Map<string, string>();

function launch(build: string, env: NodeJS.ProcessEnv, namespace: string): Launch {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-bench-dash-'));
  const stats = join(dir, 'stats.json');
  let home = homes.get(build);
  if (home === undefined) {
    home = mkdtempSync(join(tmpdir(), 'ktl-bench-home-'));
    homes.set(build, home);
  }
  const terminal = new DashTerminal(
    `${process.execPath} ${nodeFlags} ${build} dash pods -n ${namespace}`,
    { ...env, HOME: home, KTL_DASH_STATS: stats },
    dir,
  );
  return { terminal, dir, stats };
}

interface Startup {
  /** Until the screen is full of rows (the 41st pod drawn). */
  rowsMs: number;
  /** Until every pod is listed (the title counts them all). */
  ms: number;
  rssMb: number;
  load: number;
}

async function firstScreen(
  build: string,
  env: NodeJS.ProcessEnv,
  namespace: string,
  size: number,
): Promise<Startup> {
  const { terminal, dir } = launch(build, env, namespace);
  try {
    const rows = terminal.waitFor(new RegExp(escape(podName(40))), 0, 180_000);
    const at = await terminal.waitFor(fullScreen(namespace, size), 0, 180_000);
    if (at === undefined) throw new Error(`${build}: no frame with all ${size} pods in 180 s`);
    const rssMb = sample(terminal.pid()).rssKb / 1024;
    const rowsAt = (await rows) ?? at;
    return {
      rowsMs: rowsAt - terminal.startedAt,
      ms: at - terminal.startedAt,
      rssMb,
      load: load1(),
    };
  } finally {
    await terminal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a command without blocking the event loop; resolves with its stdout. */
function run(command: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('close', () => resolve(out));
  });
}

/** Deletes the churning 10 % (one DELETE of the collection) and creates it again, until stopped. */
async function churn(
  kubectl: string,
  env: NodeJS.ProcessEnv,
  namespace: string,
  size: number,
  nodes: string[],
  stop: { done: boolean },
): Promise<number> {
  const churning: number[] = [];
  for (let i = 0; i < size; i++) if (String(i % 10) === CHURN_BUCKET) churning.push(i);
  let cycles = 0;
  while (!stop.done) {
    // Never spawnSync here: a blocked event loop stops reading the terminal, the dashboard's
    // writes then block, and both show up as key-to-frame time.
    await run(kubectl, env, [
      'delete',
      '--raw',
      `/api/v1/namespaces/${namespace}/pods?labelSelector=bucket%3D${CHURN_BUCKET}&gracePeriodSeconds=0`,
    ]);
    for (let waited = 0; waited < 60 && !stop.done; waited++) {
      const left = await run(kubectl, env, [
        'get',
        'pods',
        '-n',
        namespace,
        '-l',
        `bucket=${CHURN_BUCKET}`,
        '-o',
        'name',
      ]);
      if (left.trim() === '') break;
      await sleep(1000);
    }
    if (stop.done) break;
    await createPods(kubectl, env, namespace, churning, nodes);
    cycles++;
  }
  return cycles;
}

interface ChurnSession {
  keys: number[];
  missed: number;
  rssMb: number[];
  cpu: number[];
  loads: number[];
  cycles: number;
  frames: Record<string, { count: number; p50: number; p95: number; max: number }>;
}

async function churnSession(
  build: string,
  env: NodeJS.ProcessEnv,
  kubectl: string,
  namespace: string,
  size: number,
  nodes: string[],
): Promise<ChurnSession> {
  const { terminal, dir, stats } = launch(build, env, namespace);
  const result: ChurnSession = {
    keys: [],
    missed: 0,
    rssMb: [],
    cpu: [],
    loads: [],
    cycles: 0,
    frames: {},
  };
  const stop = { done: false };
  let churning: Promise<number> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const shown = await terminal.waitFor(fullScreen(namespace, size), 0, 180_000);
    if (shown === undefined) throw new Error(`${build}: no frame with all ${size} pods in 180 s`);
    await sleep(2000);
    const pid = terminal.pid();
    const hz = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
    let last = sample(pid);
    sampler = setInterval(() => {
      const now = sample(pid);
      result.cpu.push(((now.ticks - last.ticks) / hz) * 100);
      result.rssMb.push(now.rssKb / 1024);
      result.loads.push(load1());
      last = now;
    }, 1000);
    churning = churn(kubectl, env, namespace, size, nodes, stop);
    const ends = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < ends; i++) {
      // j moves the bar from the first row to the second, k back (neither row churns).
      const [key, target] = i % 2 === 0 ? ['j', podName(1)] : ['k', podName(0)];
      const from = terminal.position;
      const wrote = terminal.write(key);
      const at = await terminal.waitFor(selectedRow(target), from, KEY_TIMEOUT_MS);
      if (at === undefined) result.missed++;
      else result.keys.push(at - wrote);
      await sleep(250 + Math.random() * 250);
    }
  } finally {
    clearInterval(sampler);
    stop.done = true;
    await terminal.close();
    result.cycles = (await churning) ?? 0;
    try {
      result.frames = JSON.parse(readFileSync(stats, 'utf8')) as ChurnSession['frames'];
    } catch {
      // the dashboard did not write its statistics (it did not end normally)
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const fmt = (n: number): string => n.toFixed(1);
const median = (v: number[]): number => percentile(v, 0.5);
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);

async function main(): Promise<void> {
  const env = clusterEnv();
  const kubectl = join(env['KTL_BIN_DIR'] ?? '', 'kubectl');
  const nodes = (env['KTL_NODES'] ?? 'kwok-node-0').split(',');
  const lines: string[] = [];
  const results: unknown[] = [];
  const say = (line: string): void => {
    lines.push(line);
    console.error(`[bench] ${line}`);
  };
  for (const [index, size] of sizes.entries()) {
    const namespace = `ktl-bench-dash-${size}`;
    await ensurePodLists(kubectl, env, namespace, size, nodes);
    // One start per build, not counted, warms its code and discovery caches.
    if (index === 0) for (const build of builds) await firstScreen(build, env, namespace, size);
    const startups = new Map<string, Startup[]>(builds.map((b) => [b, []]));
    for (let run = 0; run < runs; run++)
      for (const build of builds) {
        const startup = await firstScreen(build, env, namespace, size);
        startups.get(build)?.push(startup);
        say(
          `${size} pods, ${build}: screen of rows ${startup.rowsMs.toFixed(0)} ms, all listed ${startup.ms.toFixed(0)} ms, RSS ${fmt(startup.rssMb)} MiB (load ${startup.load})`,
        );
      }
    for (const build of builds) {
      const s = startups.get(build) ?? [];
      say(
        `${size} pods, ${build}: screen of rows median ${median(s.map((x) => x.rowsMs)).toFixed(0)} ms, all listed median ${median(s.map((x) => x.ms)).toFixed(0)} ms [${s.map((x) => x.ms.toFixed(0)).join(', ')}], RSS median ${fmt(median(s.map((x) => x.rssMb)))} MiB, load ${s.map((x) => x.load).join('/')}`,
      );
      results.push({ size, build, kind: 'startup', runs: s });
    }
    for (const build of seconds > 0 ? builds : []) {
      const c = await churnSession(build, env, kubectl, namespace, size, nodes);
      say(
        `${size} pods, ${build}: ${seconds} s with 10 % churning (${c.cycles} delete+create cycles of ${size / 10}): key→frame p50 ${fmt(percentile(c.keys, 0.5))} p95 ${fmt(percentile(c.keys, 0.95))} max ${fmt(Math.max(0, ...c.keys))} ms (n=${c.keys.length}, missed ${c.missed}); RSS max ${fmt(Math.max(0, ...c.rssMb))} MiB; CPU mean ${fmt(mean(c.cpu))}% of a core; load mean ${fmt(mean(c.loads))}`,
      );
      for (const [name, f] of Object.entries(c.frames))
        say(
          `    own stats ${name}: n=${f.count} p50 ${fmt(f.p50)} p95 ${fmt(f.p95)} max ${fmt(f.max)}`,
        );
      results.push({ size, build, kind: 'churn', ...c });
      // Bring the churned pods back (and Running) before the next measurement.
      await ensurePodLists(kubectl, env, namespace, size, nodes);
    }
  }
  console.log(`ktl dash bench (${new Date().toISOString()}), ${runs} start-ups per build and size`);
  console.log(lines.join('\n'));
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench/dashboard.json'), JSON.stringify(results, null, 2));
  for (const home of homes.values()) rmSync(home, { recursive: true, force: true });
}

await main();

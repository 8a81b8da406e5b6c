/**
 * Access to the real local control plane started by `npm run cluster -- up` (scripts/cluster):
 * its kubeconfigs and binaries, a way to run ktl and the same-version kubectl against it, and a
 * namespace of its own for each test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

// ktl's agent (src/transport/agent/) outlives the command that started it: in tests, briefly.
process.env['KTL_AGENT_IDLE_SECONDS'] ??= '5';

export const repoRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const clusterDir = process.env['KTL_CLUSTER_DIR'] ?? join(repoRoot, '.cluster');

/** The variables of .cluster/env (ports, pids, paths, tokens). */
export function clusterEnv(): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(join(clusterDir, 'env'), 'utf8');
  } catch {
    throw new Error(
      `no local cluster: ${clusterDir}/env is missing; run \`npm run cluster -- up\``,
    );
  }
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) vars[match[1]] = (match[2] ?? '').replace(/^['"]|['"]$/g, '');
  }
  return vars;
}

export const adminKubeconfig = join(clusterDir, 'kubeconfig');
export const viewerKubeconfig = join(clusterDir, 'viewer.kubeconfig');

/** The kubectl built at the server's version. */
export function kubectlPath(): string {
  const bin = clusterEnv()['KTL_BIN_DIR'];
  if (!bin) throw new Error('KTL_BIN_DIR missing from .cluster/env');
  return join(bin, 'kubectl');
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
  /**
   * For commands that never end (watches): once stdout satisfies this and has not grown for a
   * second, the process is killed. A fixed short timeout instead fails on a loaded machine.
   */
  settledWhen?: (stdout: string) => boolean;
}

/** A HOME and cache directory of its own, so tests never read the developer's ~/.kube. */
export function isolatedHome(): string {
  return mkdtempSync(join(tmpdir(), 'ktl-test-home-'));
}

const sharedHome = isolatedHome();

/** The environment ktl and kubectl run with in tests: admin kubeconfig, an isolated HOME, no colour. */
export function baseEnv(extra: RunOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: sharedHome,
    KUBECONFIG: adminKubeconfig,
    NO_COLOR: '1',
  };
  delete env['KUBECACHEDIR'];
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function runProcess(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: baseEnv(options.env) });
    let stdout = '';
    let stderr = '';
    let settle: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (!options.settledWhen) return;
      clearTimeout(settle);
      if (options.settledWhen(stdout)) settle = setTimeout(() => child.kill('SIGKILL'), 1000);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(settle);
      resolve({ stdout, stderr, code: code ?? -1 });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the built ktl (bin/ktl) against the local cluster as admin. */
export function ktl(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return runProcess(process.execPath, [join(repoRoot, 'bin', 'ktl'), ...args], options);
}

/** Runs kubectl (same version as the server) against the local cluster as admin. */
export async function kubectl(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await runProcess(kubectlPath(), args, options);
  return { ...result, stderr: withoutClientGoNoise(result.stderr) };
}

/**
 * kubectl's client-go now and then logs a race in its own websocket teardown ('E1207
 * 19:54:39.270317 24695 v2.go:104] "Unhandled Error" err="websocket: close sent"') after an
 * exec/attach/cp stream ends. It is kubectl's noise, not what the command prints, and comes and
 * goes from run to run, so the comparisons leave that one line out (and nothing else).
 */
export function withoutClientGoNoise(stderr: string): string {
  return stderr.replace(
    /^E\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.-]+:\d+\] "Unhandled Error" err="websocket: close sent"\n/gm,
    '',
  );
}

/** kubectl, failing the test on a non-zero exit. */
export async function kubectlOk(args: string[], options: RunOptions = {}): Promise<string> {
  const result = await kubectl(args, options);
  if (result.code !== 0)
    throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

let counter = 0;

/** Creates a namespace for this test and deletes it (without waiting) when the test ends. */
export async function testNamespace(
  t: TestContext | { after: (fn: () => unknown) => void },
  prefix = 'ktl-test',
): Promise<string> {
  const name = `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`.slice(0, 63);
  await kubectlOk(['create', 'namespace', name]);
  t.after(() => kubectl(['delete', 'namespace', name, '--wait=false']));
  return name;
}

/** Normalises AGE-like columns (e.g. 5s, 3m2s, 2d) so two tables taken moments apart compare. */
export function normalizeAges(text: string): string {
  // An age can change width between two runs (9s, 10s), which moves the columns after it: the
  // padding that follows an age, and the AGE header's, is folded to one space.
  return text
    .replace(/\b\d+(?:\.\d+)?(?:[smhdy]\d*[smhd]?)+\b/g, '<age>')
    .replace(/<age> +/g, '<age> ')
    .replace(/\bAGE +/g, 'AGE ');
}

/** Whether the cluster recorded in .cluster/env answers /readyz (synchronous, for setup). */
export function clusterHealthy(): boolean {
  const result = spawnSync('bash', [join(repoRoot, 'scripts/cluster/cluster.sh'), 'status'], {
    encoding: 'utf8',
  });
  return result.status === 0;
}

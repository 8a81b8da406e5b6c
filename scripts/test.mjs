// Runs the test suites with node's own test runner (its summary is what CI reads).
//   node scripts/test.mjs            unit, then integration against the real local cluster
//   node scripts/test.mjs unit       unit tests only (src/**/*.test.ts, test/unit/**)
//   node scripts/test.mjs integration [filter]
//   node scripts/test.mjs smoke      a few integration files (get, apply, watch, completion,
//                                    dashboard start): CI runs them on the other Node versions
// The integration suite starts the local control plane once (npm run cluster -- up), and
// every test file reuses it with a namespace of its own.
// Every test process gets TMPDIR set to one directory of this run, removed at the end whatever
// happened, so a run leaves nothing in /tmp even when a test fails before its own clean-up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [suite = 'all', filter = ''] = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  let entries = [];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return found;
  }
  for (const entry of entries) {
    const rel = join(dir, entry);
    if (statSync(join(root, rel)).isDirectory()) found.push(...findTests(rel));
    else if (/\.test\.tsx?$/.test(entry) && rel.includes(filter)) found.push(rel);
  }
  return found.sort();
}

const runTmp = mkdtempSync(join(tmpdir(), 'ktl-test-run-'));
// Retried: a process a failed test left behind may still be writing a cache file in there.
const removeRunTmp = () => {
  try {
    rmSync(runTmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.error(`warning: could not remove ${runTmp}: ${error.message}`);
  }
};
process.on('exit', removeRunTmp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const testEnv = { ...process.env, TMPDIR: runTmp };

function run(files, extra = []) {
  if (files.length === 0) return 0;
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: testEnv });
  return result.status ?? 1;
}

let failed = 0;
if (suite === 'all' || suite === 'unit') {
  failed += run([...findTests('src'), ...findTests('test/unit')]);
}
/** The integration smoke set: one file per area a Node upgrade is likeliest to break. */
const SMOKE = [
  'test/integration/get-compare.test.ts',
  'test/integration/apply-mixed.test.ts',
  'test/integration/events-watch.test.ts',
  'test/integration/completion.test.ts',
  'test/integration/dashboard-startup.test.ts',
];

if (suite === 'all' || suite === 'integration' || suite === 'smoke') {
  // zsh, fish, tmux...: installed when this may (root with apt-get), else one clear error now
  // rather than three failing completion tests at the end.
  const prerequisites = spawnSync('bash', ['scripts/prerequisites.sh'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (prerequisites.status !== 0) process.exit(1);
  const up = spawnSync('bash', ['scripts/cluster/cluster.sh', 'up'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (up.status !== 0) {
    console.error('error: the local control plane did not start; see the messages above');
    process.exit(1);
  }
  const files = suite === 'smoke' ? SMOKE : findTests('test/integration');
  failed += run(files, ['--test-concurrency=2', '--test-timeout=300000']);
}
process.exit(failed === 0 ? 0 : 1);

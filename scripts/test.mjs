// Runs the test suites with node's own test runner (its summary is what CI reads).
//   node scripts/test.mjs            unit, then integration against the real local cluster
//   node scripts/test.mjs unit       unit tests only (src/**/*.test.ts, test/unit/**)
//   node scripts/test.mjs integration [filter]
// The integration suite starts the local control plane once (npm run cluster -- up), and
// every test file reuses it with a namespace of its own.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

function run(files, extra = []) {
  if (files.length === 0) return 0;
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

let failed = 0;
if (suite === 'all' || suite === 'unit') {
  failed += run([...findTests('src'), ...findTests('test/unit')]);
}
if (suite === 'all' || suite === 'integration') {
  const up = spawnSync('bash', ['scripts/cluster/cluster.sh', 'up'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (up.status !== 0) {
    console.error('error: the local control plane did not start; see the messages above');
    process.exit(1);
  }
  failed += run(findTests('test/integration'), ['--test-concurrency=2', '--test-timeout=300000']);
}
process.exit(failed === 0 ? 0 : 1);

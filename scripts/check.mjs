// `npm run check`: formatting (Prettier), lint (ESLint with type-checked rules and the layer
// rule), types (tsc) and import cycles (scripts/check-cycles.mjs), two at a time: the type-aware lint and tsc each build
// the whole program, and on a 2-core machine running them side by side nearly halves the wait.
// Each tool's output is printed whole when it ends; the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => `${root}node_modules/.bin/${name}`;
const steps = [
  // Longest first, so the short ones fill in beside it.
  { name: 'lint (eslint)', command: bin('eslint'), args: ['.'] },
  { name: 'types (tsc)', command: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  // --cache keys on each file's content, so a warm run only reads the files that changed.
  { name: 'format (prettier)', command: bin('prettier'), args: ['--check', '--cache', '.'] },
  { name: 'import cycles', command: process.execPath, args: [`${root}scripts/check-cycles.mjs`] },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.command, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ step, code: 1, output: String(error), started }));
    child.on('close', (code) => resolve({ step, code: code ?? 1, output, started }));
  });
}

function report({ step, code, output, started }) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`);
  if (code !== 0 || output.trim() !== '') console.log(output.trimEnd().replace(/^/gm, '  '));
}

const queue = [...steps];
let failed = 0;
async function worker() {
  for (let step = queue.shift(); step; step = queue.shift()) {
    const result = await run(step);
    if (result.code !== 0) failed++;
    report(result);
  }
}
const workers = Math.max(1, Math.min(2, availableParallelism()));
await Promise.all(Array.from({ length: workers }, worker));
process.exitCode = failed === 0 ? 0 : 1;

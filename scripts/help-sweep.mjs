// Compares ktl's command tree with kubectl's, from the two tools' --help alone (no cluster):
// command paths, and the local flags (the "Options:" section) of every path both have.
//   node scripts/help-sweep.mjs [KUBECTL] [--list]
// KUBECTL defaults to the kubectl the local control plane built (.cluster/env KTL_KUBECTL).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const list = args.includes('--list');
const kubectl = args.find((a) => !a.startsWith('--')) ?? clusterKubectl();

function clusterKubectl() {
  const env = readFileSync(join(root, '.cluster/env'), 'utf8');
  const match = /^KTL_KUBECTL=(.*)$/m.exec(env);
  if (!match) throw new Error('no KTL_KUBECTL in .cluster/env; pass the kubectl path');
  return match[1];
}

function helpText(command, path) {
  const result = spawnSync(command[0], [...command.slice(1), ...path, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: '/dev/null', KUBERC: 'off' },
  });
  return result.stdout ?? '';
}

/** Subcommands and local flags of one help page. */
function parseHelp(text) {
  const subcommands = [];
  const flags = [];
  let section = '';
  for (const line of text.split('\n')) {
    if (/^\S.*:\s*$/.test(line)) {
      section = line.trim();
      continue;
    }
    if (/Commands/.test(section)) {
      const match = /^\s{2}([a-z][\w-]*)(\s{2,}|\s*$)/.exec(line);
      if (match) subcommands.push(match[1]);
    }
    if (section === 'Options:') {
      const match = /^\s+(?:-\w, )?--([\w-]+)/.exec(line);
      if (match) flags.push(match[1]);
    }
  }
  return { subcommands, flags };
}

function walk(command) {
  const tree = new Map();
  const visit = (path) => {
    const { subcommands, flags } = parseHelp(helpText(command, path));
    if (path.length > 0) tree.set(path.join(' '), flags);
    if (path.length >= 3) return;
    for (const sub of subcommands) {
      if (sub === 'help' || (sub === 'completion' && path.length > 0)) continue;
      visit([...path, sub]);
    }
  };
  visit([]);
  return tree;
}

const reference = walk([kubectl]);
const ours = walk([process.execPath, join(root, 'bin/ktl')]);
let paths = 0;
let flags = 0;
let flagsMatched = 0;
const missingPaths = [];
const missingFlags = [];
for (const [path, wanted] of reference) {
  flags += wanted.length;
  const have = ours.get(path);
  if (!have) {
    missingPaths.push(path);
    continue;
  }
  paths += 1;
  for (const flag of wanted) {
    if (have.includes(flag)) flagsMatched += 1;
    else missingFlags.push(`${path} --${flag}`);
  }
}
console.log(`command paths: ktl has ${paths} of kubectl's ${reference.size}`);
console.log(`local flags:   ktl has ${flagsMatched} of kubectl's ${flags}`);
if (list) {
  console.log(`\nmissing commands:\n  ${missingPaths.join('\n  ')}`);
  console.log(`\nmissing flags of shared commands:\n  ${missingFlags.join('\n  ')}`);
}

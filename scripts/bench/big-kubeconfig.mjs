#!/usr/bin/env node
// Writes a kubeconfig of about SIZE_MB megabytes (default 10): one cluster, user and context,
// and ~8,600 top-level `extensions` entries per MB, the shape that made the merge quadratic and
// the cold parse slow. Used to time `config view` against kubectl's:
//   node scripts/bench/big-kubeconfig.mjs /tmp/big-kubeconfig 10
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The kubeconfig text with `count` extensions. */
export function kubeconfigText(count) {
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: big',
    '  cluster:',
    '    server: https://127.0.0.1:6443',
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: big',
    '  user:',
    '    token: abcdef0123456789',
    'contexts:',
    '- name: big',
    '  context:',
    '    cluster: big',
    '    user: big',
    'current-context: big',
    'extensions:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(`- name: ext-${i}`);
    lines.push('  extension:');
    lines.push('    apiVersion: v1');
    lines.push('    kind: Config');
    lines.push(`    preferences: {colors: true, id: "${i}"}`);
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file = 'big-kubeconfig', sizeMb = '10'] = process.argv.slice(2);
  const count = Math.round(Number(sizeMb) * 8600);
  writeFileSync(file, kubeconfigText(count));
  process.stderr.write(`${file}: ${count} extensions\n`);
}

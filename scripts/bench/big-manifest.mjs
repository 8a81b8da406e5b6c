#!/usr/bin/env node
// Writes one multi-document YAML of about SIZE_MB megabytes (default 50): Deployments with a few
// containers, env lists and labels, the many-small-fields shape that costs a YAML parser most.
// Used to measure peak memory of `apply -f FILE --dry-run=client` against kubectl's:
//   node scripts/bench/big-manifest.mjs /tmp/big.yaml 50
import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The YAML of Deployment number `index` (about 3.3 kB, 200 fields). */
export function deployment(index) {
  const name = `big-${String(index).padStart(6, '0')}`;
  const env = Array.from(
    { length: 12 },
    (_, i) => `        - name: VAR_${i}\n          value: "value-${index}-${i}"\n`,
  ).join('');
  const container = (c) =>
    `      - name: c${c}\n        image: registry.example.com/team/app-${c}:1.${index % 50}.${c}\n        args: ["--port=${8000 + c}", "--verbose", "--name=${name}"]\n        ports:\n        - containerPort: ${8000 + c}\n          protocol: TCP\n        resources:\n          requests: {cpu: 10m, memory: 32Mi}\n          limits: {cpu: 100m, memory: 64Mi}\n        env:\n${env}`;
  return `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: default\n  labels:\n    app: ${name}\n    tier: backend\n    shard: "${index % 16}"\n  annotations:\n    example.com/owner: team-${index % 7}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n        tier: backend\n    spec:\n      containers:\n${[0, 1, 2].map(container).join('')}`;
}

/** Documents up to `bytes` long in all, as one string. */
export function manifestText(bytes) {
  const parts = [];
  for (let length = 0, index = 0; length < bytes; index++) {
    parts.push(deployment(index));
    length += parts[index].length;
  }
  return parts.join('');
}

async function writeManifest(file, bytes) {
  const out = createWriteStream(file);
  let written = 0;
  let index = 0;
  while (written < bytes) {
    const text = deployment(index++);
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
  process.stderr.write(`${file}: ${index} Deployments, ${(written / 1048576).toFixed(1)} MB\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file = 'big.yaml', sizeMb = '50'] = process.argv.slice(2);
  await writeManifest(file, Number(sizeMb) * 1024 * 1024);
}

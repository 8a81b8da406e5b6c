/** Shared set-up for the get-formats tests: objects in a namespace, and a ktl/kubectl comparer. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ktl, kubectl, kubectlOk } from '../helpers/cluster.js';
import type { RunOptions } from '../helpers/cluster.js';
import { crdManifest } from '../helpers/crd.js';

/** Runs the same command with ktl and kubectl; asserts stdout, stderr and exit code are equal. */
export async function same(
  args: string[],
  normalise: (s: string) => string = (s) => s,
  options: RunOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const [mine, theirs] = await Promise.all([ktl(args, options), kubectl(args, options)]);
  const label = args.join(' ');
  assert.equal(normalise(mine.stdout), normalise(theirs.stdout), `stdout of ${label}`);
  assert.equal(
    normalise(mine.stderr),
    normalise(theirs.stderr.replace(/'kubectl (get|explain)/g, "'ktl $1")),
    `stderr of ${label}`,
  );
  assert.equal(mine.code, theirs.code, `exit code of ${label}`);
  return mine;
}

/** The words of a text, sorted: for `..` JSONPath, which kubectl walks in Go's random map order. */
export function sortedWords(text: string): string {
  return text.split(/\s+/).sort().join(' ');
}

/** Values go-yaml v2 and Go's JSON treat specially. */
export const trickyData: Record<string, string> = {
  yes: 'yes',
  no: 'No',
  on: 'on',
  one: '1',
  float: '1.0',
  octal: '0755',
  hex: '0x1F',
  nul: 'null',
  tilde: '~',
  empty: '',
  date: '2024-01-01',
  long: 'word '.repeat(30).trim(),
  longNoSpace: 'x'.repeat(120),
  multi: 'line one\nline two\n',
  multiNoTrail: 'a\nb',
  trailSpaceLine: 'a \nb\n',
  leadSpace: ' x',
  colon: 'a: b',
  hash: 'a #b',
  html: '<b>&</b>',
  unicode: 'héllo ✓ 😀',
  quote: "'x'",
  dquote: '"x"',
  tab: 'a\tb',
  backslash: 'a\\b',
  json: '{"a":1,"b":[true,null]}',
};

/** A temporary file holding `text`. */
export function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ktl-formats-')), name);
  writeFileSync(path, text);
  return path;
}

/** Creates the objects the format tests print. */
export async function createObjects(ns: string): Promise<void> {
  const objects = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'tricky',
        namespace: ns,
        labels: { app: 'cfg', 'app.kubernetes.io/name': 'tricky' },
        annotations: { 'example.com/note': 'a long note '.repeat(8) },
      },
      data: trickyData,
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'plain', namespace: ns },
      data: { a: 'x' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds', namespace: ns },
      type: 'Opaque',
      data: {
        user: Buffer.from('admin').toString('base64'),
        pass: Buffer.from('s3cr€t').toString('base64'),
      },
    },
  ];
  await kubectlOk(['create', '-f', '-'], {
    input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
  });
  await kubectlOk(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '-n', ns]);
  await kubectlOk(['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '-n', ns]);
  await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
}

/** A CRD with printer columns of every type, and two instances in `ns`; returns its plural.group. */
export async function createWidgetCrd(ns: string, group: string): Promise<string> {
  const crd = crdManifest({
    group,
    plural: 'widgets',
    kind: 'Widget',
    shortNames: ['wdg'],
    schema: {
      type: 'object',
      properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
    },
    printerColumns: [
      { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
      { name: 'Colour', type: 'string', jsonPath: '.spec.colour', description: 'paint' },
      { name: 'Ready', type: 'boolean', jsonPath: '.spec.ready' },
      { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
      { name: 'Tags', type: 'string', jsonPath: '.spec.tags', priority: 1 },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ],
  });
  await kubectlOk(['create', '-f', '-'], { input: JSON.stringify(crd) });
  await kubectlOk(['wait', '--for=condition=Established', `crd/widgets.${group}`, '--timeout=60s']);
  const widget = (name: string, spec: object): object => ({
    apiVersion: `${group}/v1`,
    kind: 'Widget',
    metadata: { name, namespace: ns },
    spec,
  });
  const items = [
    widget('small', { size: 3, colour: 'red', ready: true, ratio: 0.25, tags: ['a', 'b'] }),
    widget('bare', { size: 12 }),
  ];
  for (let attempt = 0; ; attempt++) {
    const created = await kubectl(['create', '-f', '-'], {
      input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
    });
    if (created.code === 0) break;
    if (attempt > 20) throw new Error(`creating widgets failed: ${created.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return `widgets.${group}`;
}

/**
 * The template output formats (-o go-template|template|jsonpath|jsonpath-file|go-template-file,
 * --template alone, --allow-missing-template-keys) of the verbs that print what they changed
 * or created, side by side with kubectl: each tool works on objects of its own, made alike,
 * and prints the same stdout, stderr and exit code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl, testNamespace } from '../helpers/cluster.js';

const NAME = '{{.kind}} {{.metadata.name}} {{.metadata.labels.tier}}{{"\\n"}}';

/** Each step runs once per tool; OBJ is that tool's prefix (k- for kubectl, t- for ktl). */
const steps: string[][] = [
  ['label', 'cm', 'OBJc', 'tier=web', '-o', `go-template=${NAME}`],
  ['label', 'cm', 'OBJc', 'tier=db', '--overwrite', `--template=${NAME}`],
  ['label', 'cm', 'OBJc', 'tier=x', '--overwrite', '-o', 'template', `--template=${NAME}`],
  ['label', 'cm', 'OBJc', 'a=1', '-o', 'go-template={{.nope}}'],
  ['label', 'cm', 'OBJc', 'b=1', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'],
  ['annotate', 'cm', 'OBJc', 'note=x', '-o', 'jsonpath={.metadata.annotations.note}'],
  ['label', 'cm', 'OBJc', 'c=1', '-o', 'go-template'],
  ['label', 'cm', 'OBJc', 'c=1', '-o', 'go-template={{'],
  ['label', 'cm', 'OBJc', 'c=1', '-o', 'wide'],
  ['label', 'cm', 'OBJc', 'OBJd2', 'w=1', '-o', 'wide'],
  ['annotate', 'cm', 'OBJc', 'OBJd2', 'w=1', '-o', 'go-template'],
  ['label', 'cm', 'OBJc', 'c=1', '-o', 'go-template-file=FILE'],
  ['label', 'cm', 'OBJc', 'c=2', '--overwrite', '-o', 'jsonpath-file=JSONPATH'],
  ['label', 'cm', 'OBJc', 'c=3', '--overwrite', '-o', 'go-template-file=/nonexistent/t'],
  ['scale', 'deploy', 'OBJd', '--replicas=2', '-o', 'jsonpath={.kind}/{.metadata.name}'],
  ['rollout', 'pause', 'deploy/OBJd', '-o', 'template={{.spec.paused}}'],
  ['rollout', 'resume', 'deploy/OBJd', '-o', 'go-template={{.kind}}'],
  ['patch', 'cm', 'OBJc', '-p', '{"data":{"k":"v"}}', '-o', 'go-template={{.data.k}}'],
  ['create', 'cm', 'OBJn', '--from-literal=a=b', '-o', 'go-template={{.data.a}} {{.kind}}'],
  ['create', 'cm', 'OBJm', '--dry-run=client', '-o', 'jsonpath={.metadata.name}'],
  ['create', 'deploy', 'OBJe', '--image=nginx', '--dry-run=server', `--template=${NAME}`],
  [
    'create',
    'cm',
    'OBJz',
    '--dry-run=client',
    '-o',
    'go-template={{.nope}}',
    '--allow-missing-template-keys=false',
  ],
];

function argsFor(step: string[], prefix: string, files: Record<string, string>): string[] {
  return step.map((arg) =>
    arg
      .replace('OBJ', prefix)
      .replace(/=FILE$/, `=${files['FILE']}`)
      .replace(/=JSONPATH$/, `=${files['JSONPATH']}`),
  );
}

/** The namespace is written as NS first: its random part can end in a prefix ('…-mxdrirot-0'). */
function normal(result: RunResult, prefix: string, ns: string): RunResult {
  const fix = (text: string): string =>
    text
      .replaceAll(ns, 'NS')
      .replaceAll(`${prefix}`, 'OBJ')
      .replace(/"resourceVersion":"\d+"/g, '"resourceVersion":"RV"')
      .replace(/resourceVersion:\d+/g, 'resourceVersion:RV')
      .replace(/"uid":"[^"]+"/g, '"uid":"UID"')
      .replace(/uid:[\w-]+/g, 'uid:UID')
      .replace(/creationTimestamp":"[^"]+"/g, 'creationTimestamp":"T"')
      .replace(/creationTimestamp:[\dTZ:-]+/g, 'creationTimestamp:T');
  return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
}

test('template output formats of label, annotate, scale, rollout, patch and create', async (t) => {
  const ns = await testNamespace(t, 'ktl-templates');
  const dir = mkdtempSync(join(tmpdir(), 'ktl-templates-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = { FILE: join(dir, 'name.tmpl'), JSONPATH: join(dir, 'labels.jsonpath') };
  writeFileSync(files.FILE, NAME);
  writeFileSync(files.JSONPATH, '{.metadata.labels.c}');
  for (const prefix of ['k-', 't-']) {
    await kubectlOk(['-n', ns, 'create', 'configmap', `${prefix}c`]);
    await kubectlOk(['-n', ns, 'create', 'deployment', `${prefix}d`, '--image=nginx']);
    await kubectlOk(['-n', ns, 'create', 'configmap', `${prefix}d2`]);
  }
  for (const step of steps) {
    const theirs = normal(await kubectl(['-n', ns, ...argsFor(step, 'k-', files)]), 'k-', ns);
    const ours = normal(await ktl(['-n', ns, ...argsFor(step, 't-', files)]), 't-', ns);
    assert.deepEqual(
      ours,
      { ...theirs, stderr: theirs.stderr.replaceAll('kubectl', 'ktl') },
      step.join(' '),
    );
  }
  const left = async (prefix: string): Promise<string> =>
    (
      await kubectlOk([
        '-n',
        ns,
        'get',
        'cm',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name} {.metadata.labels} {.metadata.annotations} {.data}{"\\n"}{end}',
      ])
    )
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .map((line) => line.slice(prefix.length))
      .join('\n');
  assert.equal(await left('t-'), await left('k-'));
});

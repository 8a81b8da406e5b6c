/**
 * The resource builder's argument matrix: every argument form (TYPE NAME, TYPE1,TYPE2,
 * TYPE/NAME, -f file/dir/-R/stdin, -k DIR, -l, --field-selector, --all, -A, --chunk-size, namespace
 * defaulting and enforcement) and every kubectl resource-argument error, run through ktl
 * in-process (runCli with string streams) and through kubectl, comparing stdout, stderr and
 * the exit code.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, normalizeAges, testNamespace } from '../helpers/cluster.js';
import { ktlInProcess } from '../helpers/in-process.js';

const atExit = { after: (fn: () => unknown): void => void process.on('exit', () => void fn()) };

function configMap(name: string, namespace?: string, labels: Record<string, string> = {}): string {
  const ns = namespace ? `\n  namespace: ${namespace}` : '';
  const labelText = Object.entries(labels)
    .map(([k, v]) => `\n    ${k}: ${v}`)
    .join('');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}${ns}${labelText ? `\n  labels:${labelText}` : ''}\n`;
}

function assertSame(mine: RunResult, theirs: RunResult, what: string): void {
  const normalise = (text: string): string => normalizeAges(text);
  assert.equal(
    normalise(mine.stderr),
    normalise(theirs.stderr.replaceAll('kubectl', 'ktl')),
    `stderr of ${what}`,
  );
  assert.equal(normalise(mine.stdout), normalise(theirs.stdout), `stdout of ${what}`);
  assert.equal(mine.code, theirs.code, `exit code of ${what}`);
}

describe('the resource builder takes every argument form as kubectl does', () => {
  let ns = '';
  let dir = '';
  const files: Record<string, string> = {};

  before(async () => {
    ns = await testNamespace(atExit, 'builder-args');
    await kubectlOk(['create', 'configmap', 'alpha', '--from-literal=k=v', '-n', ns]);
    await kubectlOk(['create', 'configmap', 'beta', '--from-literal=k=v', '-n', ns]);
    await kubectlOk(['label', 'configmap', 'alpha', 'beta', 'app=matrix', '-n', ns]);
    await kubectlOk(['create', 'configmap', 'gamma', '-n', ns]);
    dir = mkdtempSync(join(tmpdir(), 'ktl-builder-args-'));
    mkdirSync(join(dir, 'tree', 'sub'), { recursive: true });
    files['one'] = join(dir, 'alpha.yaml');
    writeFileSync(files['one'], configMap('alpha', undefined, { app: 'matrix' }));
    files['two'] = join(dir, 'two.yaml');
    writeFileSync(files['two'], `${configMap('alpha')}---\n${configMap('gamma')}`);
    files['missing'] = join(dir, 'missing.yaml');
    writeFileSync(files['missing'], `${configMap('alpha')}---\n${configMap('nope')}`);
    files['otherNs'] = join(dir, 'other-ns.yaml');
    writeFileSync(files['otherNs'], configMap('alpha', 'somewhere-else'));
    writeFileSync(join(dir, 'tree', 'a.yaml'), configMap('alpha'));
    writeFileSync(join(dir, 'tree', 'sub', 'b.yaml'), configMap('beta'));
    files['tree'] = join(dir, 'tree');
    mkdirSync(join(dir, 'kust'));
    writeFileSync(join(dir, 'kust', 'cm.yaml'), `${configMap('alpha')}---\n${configMap('beta')}`);
    writeFileSync(join(dir, 'kust', 'kustomization.yaml'), 'resources:\n- cm.yaml\n');
    files['kust'] = join(dir, 'kust');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const same = async (args: string[], input?: string): Promise<RunResult> => {
    const full = [...args, '-n', ns];
    const options = input === undefined ? {} : { input };
    const [mine, theirs] = await Promise.all([ktlInProcess(full, options), kubectl(full, options)]);
    assertSame(mine, theirs, full.join(' '));
    return mine;
  };

  test('TYPE NAME..., TYPE1,TYPE2 and TYPE/NAME...', async () => {
    assert.match((await same(['get', 'configmap', 'alpha'])).stdout, /^alpha /m);
    await same(['get', 'cm', 'alpha', 'beta']);
    await same(['get', 'configmap/alpha', 'cm/beta']);
    await same(['get', 'configmaps,serviceaccounts']);
    await same(['get', 'cm/alpha', 'serviceaccount/default', '-o', 'name']);
    await same(['get', 'cm', 'alpha', 'nope']);
  });

  test('-l, --field-selector, --chunk-size and -A', async () => {
    const selected = await same(['get', 'cm', '-l', 'app=matrix', '-o', 'name']);
    assert.equal(selected.stdout, 'configmap/alpha\nconfigmap/beta\n');
    await same(['get', 'cm', '--field-selector', 'metadata.name=gamma']);
    await same(['get', 'cm', '-l', 'app=matrix', '--chunk-size=1', '-o', 'name']);
    await same(['get', 'cm', '-l', 'app=matrix', '-A', '-o', 'name']);
    await same(['get', 'cm', '-l', 'app=none']);
    await same(['describe', 'cm', '-l', 'app=matrix']);
  });

  test('-f FILE, -f DIR, -R, stdin, and -f filtered by -l', async () => {
    await same(['get', '-f', files['one'] ?? '']);
    await same(['get', '-f', files['two'] ?? '', '-o', 'name']);
    await same(['get', '-f', files['missing'] ?? '']);
    await same(['get', '-f', files['tree'] ?? '', '-o', 'name']);
    await same(['get', '-f', files['tree'] ?? '', '-R', '-o', 'name']);
    await same(['get', '-f', '-', '-o', 'name'], configMap('beta'));
    await same(['label', '-f', files['two'] ?? '', '-l', 'app=matrix', 'x=y', '--dry-run=client']);
    await same(['delete', '-f', files['two'] ?? '', '-l', 'app=matrix', '--dry-run=client']);
    await same(['label', '-f', files['one'] ?? '', 'x=y', '--dry-run=client']);
  });

  test('namespace defaulting and enforcement for -f objects', async () => {
    await same(['delete', '-f', files['two'] ?? '', '--dry-run=client']);
    await same(['delete', '-f', files['otherNs'] ?? '', '--dry-run=client']);
  });

  test('--all and -l select objects for the verbs that change them', async () => {
    await same(['label', 'cm', '--all', 'x=y', '--dry-run=client']);
    await same(['annotate', 'cm', '-l', 'app=matrix', 'x=y', '--dry-run=client', '-o', 'name']);
    await same(['delete', 'cm', '-l', 'app=none']);
  });

  test('-k DIR is one more filename input of every verb on the builder', async () => {
    const kust = files['kust'] ?? '';
    await same(['get', '-k', kust, '-o', 'name']);
    await same(['label', '-k', kust, 'x=y', '--dry-run=client']);
    await same(['annotate', '-k', kust, 'x=y', '--dry-run=client', '-o', 'name']);
    await same(['patch', '-k', kust, '-p', '{"data":{"k":"w"}}', '--dry-run=client']);
    await same(['delete', '-k', kust, '--dry-run=client']);
    await same(['label', '-k', kust, '-l', 'app=matrix', 'x=y', '--dry-run=client']);
    // kubectl's FilenameOptions checks: one, the other, and both (its two-line aggregate)
    await same(['label', '-k', kust, '-f', files['one'] ?? '', 'x=y']);
    await same(['label', '-k', kust, '-R', 'x=y']);
    await same(['annotate', '-k', kust, '-f', files['one'] ?? '', '-R', 'x=y']);
    await same(['get', '-k', kust, 'cm']);
    await same(['patch', '-k', kust, 'cm', 'alpha', '-p', '{}']);
  });

  test("kubectl's resource-argument errors, word for word", async () => {
    const cases: string[][] = [
      ['get'],
      ['get', 'configmap', 'configmap/alpha'],
      ['get', 'configmap/'],
      ['get', 'cm', 'alpha', '-l', 'app=matrix'],
      ['get', '-f', files['one'] ?? '', 'cm'],
      ['label', 'cm', 'x=y'],
      ['label', 'x=y'],
      ['label', 'cm', '--all', '-l', 'app=matrix', 'x=y'],
      ['label', 'cm', 'alpha', '-l', 'app=matrix', 'x=y'],
      ['annotate', 'cm', '--all', '--field-selector', 'metadata.name=a', 'x=y'],
      ['delete'],
      ['delete', '-l', 'app=matrix'],
      ['delete', 'cm/alpha', '-l', 'app=matrix'],
      ['delete', 'cm', 'alpha', '-l', 'app=matrix'],
      ['delete', 'cm', '--all', '-l', 'app=matrix'],
      ['delete', 'cm'],
      ['delete', 'cm', 'cm/alpha'],
      ['delete', '-f', files['one'] ?? '', 'cm'],
      ['get', 'cm', 'alpha', '-A'],
      ['get', 'cm/alpha', '-A'],
      ['label', 'cm', 'alpha', '-A', 'x=y'],
      ['delete', 'cm', 'alpha', '-A'],
      ['describe', 'cm', 'alpha', '-A'],
      ['scale', '--replicas=1'],
      ['patch', '-p', '{}'],
      ['wait', '--for=delete'],
      ['describe'],
      ['edit'],
      ['rollout', 'status'],
      ['expose', 'deployment'],
      ['expose'],
      ['get', '-f', files['one'] ?? '', '-l', '!!'],
    ];
    for (const args of cases) await same(args);
  });
});

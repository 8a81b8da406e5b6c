/**
 * `certificate approve|deny` side by side with kubectl on CertificateSigningRequests of the
 * test's own: outputs, errors, exit codes and the conditions left on the CSRs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { kubectl, kubectlOk, ktl } from '../helpers/cluster.js';

const steps = [
  'certificate approve',
  'certificate approve A',
  'certificate approve A',
  'certificate deny A',
  'certificate approve A --force -o name',
  'certificate deny B -o jsonpath={.status.conditions[*].type}',
  'certificate approve A nosuch-csr-ktl B',
  'certificate approve nosuch-csr-ktl',
  'certificate deny -f FILE',
  'certificate approve C --dry-run=client',
];

function csrRequest(dir: string): string {
  const key = join(dir, 'key.pem');
  const csr = join(dir, 'csr.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-subj',
      '/CN=ktl-test',
      '-out',
      csr,
    ],
    { stdio: 'ignore' },
  );
  return execFileSync('base64', ['-w0', csr], { encoding: 'utf8' });
}

function csrs(prefix: string, request: string): object {
  const item = (name: string): object => ({
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name },
    spec: { request, signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'] },
  });
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: ['a', 'b', 'c'].map((n) => item(`${prefix}-${n}`)),
  };
}

test('certificate approve and deny behave as kubectl', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-csr-'));
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const sets = { ktl: `ktl-csr-o-${tag}`, kubectl: `ktl-csr-k-${tag}` };
  t.after(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const prefix of Object.values(sets)) {
      await kubectl([
        'delete',
        'csr',
        `${prefix}-a`,
        `${prefix}-b`,
        `${prefix}-c`,
        '--ignore-not-found',
      ]);
    }
  });
  const request = csrRequest(dir);
  for (const [tool, prefix] of Object.entries(sets)) {
    await kubectlOk(['create', '-f', '-'], { input: JSON.stringify(csrs(prefix, request)) });
    writeFileSync(
      join(dir, `${tool}.yaml`),
      `apiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nmetadata:\n  name: ${prefix}-c\n`,
    );
  }
  const args = (step: string, tool: 'ktl' | 'kubectl'): string[] =>
    step
      .replace(/\bA\b/, `${sets[tool]}-a`)
      .replace(/\bB\b/, `${sets[tool]}-b`)
      .replace(/\bC\b/, `${sets[tool]}-c`)
      .replace('FILE', join(dir, `${tool}.yaml`))
      .split(' ');
  const normal = (result: RunResult, tool: 'ktl' | 'kubectl'): RunResult => {
    const fix = (text: string): string =>
      text
        .replaceAll(sets[tool], 'SET')
        .replaceAll(join(dir, `${tool}.yaml`), 'FILE')
        .replaceAll('kubectl ', 'ktl ');
    return { stdout: fix(result.stdout), stderr: fix(result.stderr), code: result.code };
  };
  const conditions = async (prefix: string): Promise<string> =>
    kubectlOk([
      'get',
      'csr',
      `${prefix}-a`,
      `${prefix}-b`,
      `${prefix}-c`,
      '-o',
      'jsonpath={range .items[*]}{.status.conditions[*].type}/{.status.conditions[*].reason};{end}',
    ]);
  for (const step of steps) {
    const got = normal(await ktl(args(step, 'ktl')), 'ktl');
    const want = normal(await kubectl(args(step, 'kubectl')), 'kubectl');
    assert.deepEqual(got, want, step);
    assert.equal(await conditions(sets.ktl), await conditions(sets.kubectl), step);
  }
});

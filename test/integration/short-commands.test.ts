/**
 * bin/ktl answers `version --client` and `config current-context` from a small bundle
 * (src/cli/short-main.ts) without loading the command tree. What it prints must be what the full
 * CLI prints (KTL_NO_AGENT=1 turns the shortcut off) and, for the kubeconfig, what kubectl
 * prints, in every state of the kubeconfig and with a kuberc that changes the command.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import { adminKubeconfig, kubectl, repoRoot } from '../helpers/cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'ktl-short-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** bin/ktl as the shell runs it, in a HOME of its own. */
function launch(args: string[], env: Record<string, string | undefined>): Promise<RunResult> {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete full['KUBECACHEDIR'];
  delete full['KTL_NO_AGENT'];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete full[key];
    else full[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'bin', 'ktl'), args, { env: full });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
    child.stdin.end();
  });
}

let homes = 0;
function home(kuberc?: string): string {
  const path = join(dir, `home-${homes++}`);
  mkdirSync(join(path, '.kube'), { recursive: true });
  if (kuberc !== undefined) writeFileSync(join(path, '.kube', 'kuberc'), kuberc);
  return path;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const noCurrent = file('no-current', 'apiVersion: v1\nkind: Config\ncontexts: []\n');
const otherCurrent = file('other', 'apiVersion: v1\nkind: Config\ncurrent-context: other\n');
const broken = file('broken', 'apiVersion: v1\nkind: Config\ncurrent-context: [\n');

describe('config current-context without the command tree', () => {
  const cases: Array<[string, string | undefined]> = [
    ['the cluster kubeconfig', adminKubeconfig],
    ['a kubeconfig without current-context', noCurrent],
    ['a list whose first file has none', `${noCurrent}:${otherCurrent}:${adminKubeconfig}`],
    ['a missing file', join(dir, 'missing')],
    ['a malformed file', broken],
  ];
  for (const [name, kubeconfig] of cases) {
    test(`${name}: as kubectl and as the full CLI`, async () => {
      const env = { KUBECONFIG: kubeconfig, HOME: home() };
      const [short, full, theirs] = await Promise.all([
        launch(['config', 'current-context'], env),
        launch(['config', 'current-context'], { ...env, KTL_NO_AGENT: '1' }),
        kubectl(['config', 'current-context'], { env }),
      ]);
      assert.deepEqual(short, full);
      assert.equal(short.stdout, theirs.stdout);
      assert.equal(short.code, theirs.code);
      if (name !== 'a malformed file') assert.equal(short.stderr, theirs.stderr);
    });
  }

  test('HOME/.kube/config when KUBECONFIG is unset', async () => {
    const env = { KUBECONFIG: undefined, HOME: home() };
    writeFileSync(join(env.HOME, '.kube', 'config'), 'current-context: from-home\n');
    const short = await launch(['config', 'current-context'], env);
    assert.deepEqual(short, { stdout: 'from-home\n', stderr: '', code: 0 });
  });
});

describe('version --client without the command tree', () => {
  test('prints what the full CLI prints', async () => {
    const env = { HOME: home() };
    const [short, full] = await Promise.all([
      launch(['version', '--client'], env),
      launch(['version', '--client'], { ...env, KTL_NO_AGENT: '1' }),
    ]);
    assert.equal(short.code, 0);
    assert.match(short.stdout, /^Client Version: v\d/);
    assert.deepEqual(short, full);
  });

  test('a kuberc default (-o json) is still applied', async () => {
    const kuberc = `apiVersion: kubectl.config.k8s.io/v1beta1
kind: Preference
defaults:
- command: version
  options:
  - name: output
    default: json
`;
    const env = { HOME: home(kuberc) };
    const [short, full] = await Promise.all([
      launch(['version', '--client'], env),
      launch(['version', '--client'], { ...env, KTL_NO_AGENT: '1' }),
    ]);
    assert.deepEqual(short, full);
    assert.equal(short.code, 0, short.stderr);
    assert.match(short.stdout, /"clientVersion"/);
  });
});

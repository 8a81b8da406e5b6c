/**
 * kuberc (~/.kube/kuberc, --kuberc, KUBERC=off, KUBECTL_KUBERC=false) side by side with the
 * same-version kubectl: aliases, defaults, and broken files, each in a HOME of its own.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunResult } from '../helpers/cluster.js';
import {
  isolatedHome,
  ktl,
  kubectl,
  kubectlOk,
  normalizeAges,
  testNamespace,
} from '../helpers/cluster.js';

const HEADER = 'apiVersion: kubectl.config.k8s.io/v1beta1\nkind: Preference\n';

/** A HOME whose ~/.kube/kuberc holds `text`; removed after the file's tests. */
function homeWithKuberc(text: string): { HOME: string; kuberc: string } {
  const home = isolatedHome();
  after(() => rmSync(home, { recursive: true, force: true }));
  mkdirSync(join(home, '.kube'), { recursive: true });
  const kuberc = join(home, '.kube', 'kuberc');
  writeFileSync(kuberc, text);
  return { HOME: home, kuberc };
}

/** kubectl's words for itself where ktl says ktl (usage hints, os.Args[0] in alias errors). */
function asKtl(text: string, kubectlPath: string): string {
  return text
    .replaceAll(`in alias ${kubectlPath}`, 'in alias ktl')
    .replaceAll('"kubectl', '"ktl')
    .replaceAll("'kubectl", "'ktl");
}

async function sameAsKubectl(
  args: string[],
  env: Record<string, string | undefined>,
  normalize: (text: string) => string = (text) => text,
): Promise<RunResult> {
  const [mine, theirs] = await Promise.all([ktl(args, { env }), kubectl(args, { env })]);
  const kubectlPath = (await import('../helpers/cluster.js')).kubectlPath();
  assert.equal(normalize(mine.stdout), normalize(theirs.stdout), `${args.join(' ')}: stdout`);
  assert.equal(mine.stderr, asKtl(theirs.stderr, kubectlPath), `${args.join(' ')}: stderr`);
  assert.equal(mine.code, theirs.code, `${args.join(' ')}: exit code`);
  return mine;
}

describe('kuberc aliases and defaults, side by side with kubectl', () => {
  let ns = '';
  const env = homeWithKuberc('');
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'kuberc',
    );
    await kubectlOk(['create', 'configmap', 'one', '--from-literal=a=b', '-n', ns]);
    await kubectlOk(['create', 'configmap', 'two', '-n', ns]);
    await kubectlOk(['run', 'web', '--image=nginx', '--labels=app=web', '-n', ns]);
    await kubectlOk(['create', 'deployment', 'app', '--image=nginx', '--replicas=0', '-n', ns]);
    writeFileSync(
      env.kuberc,
      `${HEADER}defaults:
  - command: get
    options:
      - name: output
        default: wide
  - command: create configmap
    options:
      - name: from-literal
        default: k=v
  - command: set env
    options:
      - name: dry-run
        default: client
      - name: output
        default: yaml
      - name: env
        default: FROM_KUBERC=1
  - command: frob
    options: []
aliases:
  - name: getcm
    command: get
    prependArgs: [configmaps]
    options:
      - name: namespace
        default: ${ns}
      - name: output
        default: name
  - name: mkcm
    command: create cm
    prependArgs: [made]
    appendArgs: [--from-literal=z=y]
    options:
      - name: dry-run
        default: client
      - name: output
        default: yaml
`,
    );
  });

  test('defaults apply to the command; explicit flags win, in every spelling', async () => {
    const pods = await sameAsKubectl(['get', 'pods', '-n', ns], env, normalizeAges);
    assert.match(pods.stdout, /\bIP\b.*\bNODE\b/);
    for (const output of [['-o', 'name'], ['-oname'], ['--output=name'], ['--output', 'name']]) {
      const named = await sameAsKubectl(['get', 'pods', '-n', ns, ...output], env);
      assert.equal(named.stdout, 'pod/web\n');
    }
  });

  test('defaults per subcommand: create configmap', async () => {
    const made = await sameAsKubectl(
      ['create', 'configmap', 'x', '--dry-run=client', '-o', 'yaml'],
      env,
    );
    assert.match(made.stdout, /^ {2}k: v$/m);
    await sameAsKubectl(
      ['create', 'configmap', 'x', '--from-literal=q=r', '--dry-run=client', '-o', 'yaml'],
      env,
    );
  });

  test('defaults per subcommand: set env (a repeatable flag and the print flags)', async () => {
    const set = await sameAsKubectl(['set', 'env', 'deployment/app', 'A=1', '-n', ns], env);
    assert.match(set.stdout, /- name: FROM_KUBERC\n {10}value: "1"\n {8}- name: A\n/);
    const named = await sameAsKubectl(
      ['set', 'env', 'deployment/app', 'A=1', '-n', ns, '-o', 'name'],
      env,
    );
    assert.equal(named.stdout, 'deployment.apps/app\n');
    const left = await kubectlOk(['get', 'deployment', 'app', '-n', ns, '-o', 'json']);
    assert.doesNotMatch(left, /FROM_KUBERC/, 'the default --dry-run=client changed nothing');
  });

  test('an alias: its command, prependArgs, options; the line’s flags win; no defaults', async () => {
    const names = await sameAsKubectl(['getcm'], env);
    assert.deepEqual(names.stdout.trim().split('\n').sort(), [
      'configmap/kube-root-ca.crt',
      'configmap/one',
      'configmap/two',
    ]);
    await sameAsKubectl(['getcm', 'one', '-o', 'jsonpath={.data.a}'], env);
    await sameAsKubectl(['getcm', 'two', '--output=json'], env);
    const made = await sameAsKubectl(['mkcm'], env);
    assert.match(made.stdout, /name: made/);
    assert.match(made.stdout, /z: "y"/);
    assert.doesNotMatch(made.stdout, /k: v/, 'defaults of create configmap are not applied');
    await sameAsKubectl(['mkcm', '-o', 'name'], env);
  });

  test('an alias only as the first word: a flag before it is refused as kubectl does', async () => {
    const refused = await sameAsKubectl(['-n', ns, 'getcm'], env);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, 'Error: flags cannot be placed before plugin name: -n\n');
    await sameAsKubectl(['--kuberc', env.kuberc, 'getcm'], env);
  });

  test('--kuberc names the file; KUBERC=off and KUBECTL_KUBERC=false turn kuberc off', async () => {
    const other = homeWithKuberc(HEADER);
    await sameAsKubectl(['--kuberc', env.kuberc, 'getcm'], { HOME: other.HOME });
    await sameAsKubectl(
      [`--kuberc=${env.kuberc}`, 'get', 'pods', '-n', ns],
      { HOME: other.HOME },
      normalizeAges,
    );
    await sameAsKubectl(['getcm'], { ...env, KUBERC: 'off' });
    await sameAsKubectl(['get', 'pods', '-n', ns], { ...env, KUBERC: 'off' }, normalizeAges);
    await sameAsKubectl(['--kuberc', env.kuberc, 'version', '--client'], {
      ...env,
      KUBERC: 'off',
    });
    await sameAsKubectl(['getcm'], { ...env, KUBECTL_KUBERC: 'false' });
    const unknown = await sameAsKubectl(['get', 'pods', '--kuberc', env.kuberc], {
      ...env,
      KUBECTL_KUBERC: 'false',
    });
    assert.match(unknown.stderr, /^error: unknown flag: --kuberc/);
  });

  test('completion expands aliases as kubectl does', async () => {
    for (const args of [
      ['__complete', 'getcm', ''],
      ['__complete', 'getcm', 'o'],
    ]) {
      const [mine, theirs] = await Promise.all([ktl(args, { env }), kubectl(args, { env })]);
      assert.equal(mine.stdout, theirs.stdout, args.join(' '));
    }
    const names = (await ktl(['__complete', 'getcm', ''], { env })).stdout;
    assert.match(names, /^one$/m);
  });
});

describe('broken kuberc files, side by side with kubectl', () => {
  const cases: Array<[string, string]> = [
    [
      'unknown fields only warn',
      `${HEADER}foo: 1\naliases:\n  - name: a\n    command: get\n    bar: 2\n`,
    ],
    ['a key given twice', `${HEADER}aliases: []\naliases:\n  - name: a\n    command: get\n`],
    ['not YAML', 'aliases: [\n'],
    ['no Preference in it', 'apiVersion: v1\nkind: ConfigMap\n'],
    ['a value of the wrong type', `${HEADER}aliases:\n  - name: 7\n    command: get\n`],
    ['an empty file', ''],
    [
      'an alias name that is not letters',
      `${HEADER}aliases:\n  - name: get-cm\n    command: get\n`,
    ],
    [
      'an option with dashes',
      `${HEADER}defaults:\n  - command: get\n    options:\n      - name: --output\n        default: wide\n`,
    ],
    [
      'an unknown flag',
      `${HEADER}defaults:\n  - command: get\n    options:\n      - name: nope\n        default: x\n`,
    ],
    [
      'a bool that is not one',
      `${HEADER}defaults:\n  - command: get\n    options:\n      - name: show-labels\n        default: maybe\n`,
    ],
    ['an alias to an unknown command', `${HEADER}aliases:\n  - name: zzq\n    command: frob bar\n`],
    [
      'an alias with an unknown flag',
      `${HEADER}aliases:\n  - name: zzq\n    command: get\n    options:\n      - name: nope\n        default: x\n`,
    ],
    [
      'the same alias twice',
      `${HEADER}aliases:\n  - name: zzq\n    command: get\n  - name: zzq\n    command: describe\n`,
    ],
    [
      'defaults for an alias',
      `${HEADER}aliases:\n  - name: zzq\n    command: get\ndefaults:\n  - command: zzq\n    options: []\n`,
    ],
    [
      'v1alpha1 overrides and flags',
      'apiVersion: kubectl.config.k8s.io/v1alpha1\nkind: Preference\noverrides:\n  - command: get\n    flags:\n      - name: output\n        default: name\naliases:\n  - name: zzq\n    command: get\n    flags:\n      - name: output\n        default: json\n',
    ],
  ];
  for (const [what, text] of cases) {
    test(what, async () => {
      const env = homeWithKuberc(text);
      for (const args of [
        ['get', 'namespace', 'default'],
        ['zzq', 'namespaces', 'default', '-o', 'jsonpath={.metadata.name}'],
        ['--kuberc', env.kuberc, 'get', 'namespace', 'default'],
      ])
        await sameAsKubectl(args, { HOME: env.HOME }, normalizeAges);
    });
  }

  test('a missing file: the default is ignored, an explicit one is an error', async () => {
    const home = isolatedHome();
    after(() => rmSync(home, { recursive: true, force: true }));
    await sameAsKubectl(['get', 'ns', 'default', '-o', 'name'], { HOME: home });
    const missing = await sameAsKubectl(['--kuberc', join(home, 'nope'), 'get', 'ns', 'default'], {
      HOME: home,
    });
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /^error occurred while applying preferences kuberc error kuberc: open /,
    );
    await sameAsKubectl(['get', 'ns', '--kuberc'], { HOME: home });
  });
});

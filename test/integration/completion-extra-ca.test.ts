/**
 * The completion scripts start ktl with NODE_EXTRA_CA_CERTS moved to KTL_NODE_EXTRA_CA_CERTS
 * (Node parses its whole root store at start-up when the variable is set). Here the cluster's CA
 * is only in that file, not in the kubeconfig, so names come back only if ktl trusts the
 * deferred CAs itself; the exec credential plugin ktl starts sees the variable restored.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  clusterEnv,
  isolatedHome,
  ktl,
  kubectlOk,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';
import { singleContextKubeconfig } from '../helpers/kubeconfig.js';
import { TmuxSession } from '../helpers/tmux.js';

const cluster = clusterEnv();
const caFile = join(cluster['KTL_PKI_DIR'] ?? '', 'ca.crt');
const dir = mkdtempSync(join(tmpdir(), 'ktl-extra-ca-'));
const pluginSaw = join(dir, 'plugin-saw');
const launches = join(dir, 'launches');

/** A kubeconfig with no CA at all, whose exec plugin notes the NODE_EXTRA_CA_CERTS it got. */
function writeKubeconfig(): string {
  const plugin = join(dir, 'plugin.sh');
  const credential = JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    kind: 'ExecCredential',
    status: { token: cluster['KTL_ADMIN_TOKEN'] ?? '' },
  });
  writeFileSync(
    plugin,
    `#!/bin/sh\nprintf '%s' "\${NODE_EXTRA_CA_CERTS-unset}" > ${pluginSaw}\nprintf '%s' '${credential}'\n`,
  );
  chmodSync(plugin, 0o755);
  const file = join(dir, 'kubeconfig');
  const exec = `    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ${plugin}\n      interactiveMode: Never`;
  writeFileSync(
    file,
    singleContextKubeconfig({
      server: cluster['KTL_API_SERVER'] ?? '',
      clusterYaml: '',
      userYaml: exec,
    }),
  );
  return file;
}

/** `ktl` on PATH for the shells: notes the CA variables it was started with, then runs ktl. */
function writeLauncher(): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'ktl'),
    `#!/bin/sh
case "$1" in __complete*) echo "node=[\${NODE_EXTRA_CA_CERTS-unset}] ktl=[\${KTL_NODE_EXTRA_CA_CERTS-unset}]" >> ${launches};; esac
exec ${process.execPath} ${join(repoRoot, 'bin/ktl')} "$@"
`,
  );
  chmodSync(join(bin, 'ktl'), 0o755);
  return bin;
}

function names(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(0, -1)
    .map((line) => line.split('\t')[0] ?? '');
}

describe('completion with NODE_EXTRA_CA_CERTS deferred', () => {
  const kubeconfig = writeKubeconfig();
  const bin = writeLauncher();
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'extra-ca',
    );
    await kubectlOk(['run', 'capod', '--image=nginx', '-n', ns]);
  });

  /** A HOME whose discovery cache is warm (completion reads types from it only), names cold. */
  async function warmHome(): Promise<string> {
    const home = isolatedHome();
    const warm = await ktl(['api-resources', '-o', 'name'], {
      env: { KUBECONFIG: kubeconfig, HOME: home, NODE_EXTRA_CA_CERTS: caFile },
    });
    assert.equal(warm.code, 0, warm.stderr);
    return home;
  }

  async function complete(env: Record<string, string | undefined>) {
    return ktl(['__complete', 'get', 'pods', '-n', ns, ''], {
      env: { KUBECONFIG: kubeconfig, HOME: await warmHome(), ...env },
    });
  }

  test('__complete trusts the CAs of KTL_NODE_EXTRA_CA_CERTS, and hands NODE_EXTRA_CA_CERTS back to plugins', async () => {
    rmSync(pluginSaw, { force: true });
    const result = await complete({ NODE_EXTRA_CA_CERTS: '', KTL_NODE_EXTRA_CA_CERTS: caFile });
    assert.deepEqual(names(result.stdout), ['capod'], result.stderr);
    assert.equal(readFileSync(pluginSaw, 'utf8'), caFile);
  });

  test('without them the server is not trusted, and no names come back', async () => {
    const result = await complete({
      NODE_EXTRA_CA_CERTS: undefined,
      KTL_NODE_EXTRA_CA_CERTS: undefined,
    });
    assert.deepEqual(names(result.stdout), []);
    assert.equal(result.code, 0);
  });

  test('other commands keep Node handling NODE_EXTRA_CA_CERTS itself', async () => {
    const result = await ktl(['get', 'pods', '-n', ns, '-o', 'name'], {
      env: { KUBECONFIG: kubeconfig, HOME: isolatedHome(), NODE_EXTRA_CA_CERTS: caFile },
    });
    assert.deepEqual(result, { stdout: 'pod/capod\n', stderr: '', code: 0 });
  });

  async function tab(shell: string, init: string): Promise<string> {
    rmSync(launches, { force: true });
    const env = {
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      KUBECONFIG: kubeconfig,
      HOME: await warmHome(),
      TERM: 'xterm',
      NODE_EXTRA_CA_CERTS: caFile,
    };
    const session = new TmuxSession(shell, env);
    try {
      await session.waitFor((s) => s.trim().length > 0, 5000).catch(() => '');
      session.type(`${init}; echo READY""42`);
      session.send('Enter');
      await session.waitFor((s) => s.includes('READY42'));
      session.type(`ktl get pods -n ${ns} cap`);
      session.send('Tab');
      await session.waitFor((s) => s.includes(`-n ${ns} capod`));
      return readFileSync(launches, 'utf8');
    } finally {
      session.kill();
    }
  }

  const deferred = `node=[] ktl=[${caFile}]\n`;

  test('bash, zsh and fish start ktl with the variable moved, and TAB still finds the pod', async () => {
    const bash = await tab(
      'bash --norc --noprofile',
      'source /usr/share/bash-completion/bash_completion; source <(ktl completion bash); PS1="$ "',
    );
    assert.equal(bash, deferred);
    const zsh = await tab(
      'zsh -f',
      'autoload -U compinit; compinit -u; source <(ktl completion zsh); PS1="$ "',
    );
    assert.equal(zsh, deferred);
    const fish = await tab(
      'fish --no-config',
      "ktl completion fish | source; function fish_prompt; echo '> '; end",
    );
    assert.equal(fish, deferred);
  });
});

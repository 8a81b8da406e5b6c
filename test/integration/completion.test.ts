import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  adminKubeconfig,
  isolatedHome,
  ktl,
  kubectl,
  kubectlOk,
  repoRoot,
  testNamespace,
} from '../helpers/cluster.js';
import { TmuxSession } from '../helpers/tmux.js';

function candidates(stdout: string): { values: string[]; directive: string } {
  const lines = stdout.trimEnd().split('\n');
  const directive = lines.pop() ?? '';
  return { values: lines.map((l) => l.split('\t')[0] ?? ''), directive };
}

describe("__complete speaks cobra's protocol against the real cluster", () => {
  let ns = '';
  const home = isolatedHome();
  const env = { HOME: home };
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'complete',
    );
    for (const name of ['alpha', 'beta']) await kubectlOk(['run', name, '--image=nginx', '-n', ns]);
    await kubectlOk(['create', 'deployment', 'web', '--image=nginx', '-n', ns]);
    await kubectlOk(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=60s']);
    await ktl(['api-resources'], { env }); // fills the discovery cache, as any earlier command would
  });

  test('subcommands with descriptions, then the directive', async () => {
    const result = await ktl(['__complete', 'ge'], { env });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^get\tDisplay one or many resources\.\n:4\n$/);
    assert.match(result.stderr, /Completion ended with directive: ShellCompDirectiveNoFileComp/);
  });

  test("resource types come from the discovery cache, like kubectl's", async () => {
    const mine = candidates((await ktl(['__complete', 'get', ''], { env })).stdout);
    const theirs = candidates((await kubectl(['__complete', 'get', ''], { env })).stdout);
    assert.deepEqual(new Set(mine.values), new Set(theirs.values));
    assert.equal(mine.directive, ':4');
  });

  test('pod names for TYPE NAME and TYPE/NAME, short names accepted', async () => {
    const listed = await kubectlOk(['get', 'pods', '-n', ns, '-o', 'name']);
    const podNames = listed
      .trim()
      .split('\n')
      .map((n) => n.replace('pod/', ''))
      .sort();
    assert.ok(podNames.includes('alpha') && podNames.includes('beta'));
    for (const type of ['po', 'pods', 'pod']) {
      const { values } = candidates(
        (await ktl(['__complete', 'get', type, '-n', ns, ''], { env })).stdout,
      );
      assert.deepEqual(values.sort(), podNames);
    }
    const slash = candidates(
      (await ktl(['__complete', 'get', '-n', ns, 'pods/a'], { env })).stdout,
    );
    assert.deepEqual(slash.values, ['pods/alpha']);
    const deploy = candidates(
      (await ktl(['__complete', 'get', 'deploy', '-n', ns, ''], { env })).stdout,
    );
    assert.deepEqual(deploy.values, ['web']);
    const already = candidates(
      (await ktl(['__complete', 'get', 'po', 'alpha', '-n', ns, ''], { env })).stdout,
    );
    assert.deepEqual(
      already.values.sort(),
      podNames.filter((n) => n !== 'alpha'),
    );
  });

  test('the first TAB after install: with no discovery cache, names still come, as kubectl', async () => {
    const fresh = { HOME: isolatedHome() };
    const types = await ktl(['__complete', 'get', ''], { env: fresh });
    assert.deepEqual(candidates(types.stdout).values, [], 'types come from the cache only');
    const pods = await ktl(['__complete', 'get', 'po', '-n', ns, ''], { env: fresh });
    const ours = candidates(pods.stdout).values.sort();
    assert.ok(ours.includes('alpha') && ours.includes('beta'), pods.stdout);
    const theirs = await kubectl(['__complete', 'get', 'po', '-n', ns, ''], { env: fresh });
    assert.deepEqual(ours, candidates(theirs.stdout).values.sort());
    // The names' request filled the discovery cache, so types now answer from it.
    const cached = await ktl(['__complete', 'get', 'deployments.ap'], { env: fresh });
    assert.deepEqual(candidates(cached.stdout).values, ['deployments.apps']);
  });

  test('flag values: -o formats, namespaces, contexts', async () => {
    assert.ok(
      candidates((await ktl(['__complete', 'get', '-o', ''], { env })).stdout).values.includes(
        'jsonpath',
      ),
    );
    assert.deepEqual(
      candidates((await ktl(['__complete', 'get', '--output=ya'], { env })).stdout).values,
      ['--output=yaml'],
    );
    assert.ok(
      candidates((await ktl(['__complete', 'get', '-n', ''], { env })).stdout).values.includes(ns),
    );
    assert.deepEqual(
      candidates((await ktl(['__complete', '--context', 'ktl-'], { env })).stdout).values,
      ['ktl-local'],
    );
    const containers = await ktl(['__complete', 'logs', 'alpha', '-n', ns, '-c', ''], { env });
    assert.deepEqual(candidates(containers.stdout).values, ['alpha']);
    const files = await ktl(['__complete', 'apply', '-f', ''], { env });
    assert.equal(candidates(files.stdout).directive, ':8');
  });

  test('a stopped server: names come from the brief disk cache, and nothing hangs', async () => {
    await ktl(['__complete', 'get', 'pods', '-n', ns, ''], { env });
    const closed = await closedPort();
    const refused = await ktl(
      ['__complete', 'get', 'pods', '-n', ns, '-s', `https://127.0.0.1:${closed}`, ''],
      { env },
    );
    assert.equal(refused.code, 0);
    assert.match(refused.stdout, /:4\n$/);
    const silent = await silentServer();
    try {
      const hung = await ktl(
        [
          '__complete',
          'get',
          'secrets',
          '-n',
          ns,
          '-s',
          `https://127.0.0.1:${(silent.address() as AddressInfo).port}`,
          '',
        ],
        { env, timeoutMs: 15_000 },
      );
      assert.equal(
        hung.code,
        0,
        'completion returned on its own (the harness kills it after 15 s)',
      );
      assert.match(hung.stdout, /:4\n$/);
    } finally {
      silent.close();
    }
  });

  after(() => undefined);
});

describe('TAB in real shells', () => {
  const bin = mkdtempSync(join(tmpdir(), 'ktl-bin-'));
  const wrapper = join(bin, 'ktl');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${process.execPath} ${join(repoRoot, 'bin/ktl')} "$@"\n`);
  chmodSync(wrapper, 0o755);
  const home = isolatedHome();
  const env = {
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    KUBECONFIG: adminKubeconfig,
    HOME: home,
    TERM: 'xterm',
  };
  let ns = '';
  before(async () => {
    ns = await testNamespace(
      { after: (fn: () => unknown) => process.on('exit', () => void fn()) },
      'tab',
    );
    await kubectlOk(['run', 'tabpod', '--image=nginx', '-n', ns]);
    await ktl(['api-resources'], { env: { HOME: home } });
  });

  async function tabIn(shell: string, init: string, line: string, expect: RegExp): Promise<string> {
    const session = new TmuxSession(shell, env);
    try {
      await session.waitFor((s) => s.trim().length > 0, 5000).catch(() => '');
      session.type(`${init}; echo READY""42`);
      session.send('Enter');
      await session.waitFor((s) => s.includes('READY42'));
      session.type(line);
      session.send('Tab');
      await new Promise((r) => setTimeout(r, 300));
      session.send('Tab');
      return await session.waitFor((s) => expect.test(s));
    } finally {
      session.kill();
    }
  }

  test('bash with bash-completion: subcommand, pod name, -o value', async () => {
    const init =
      'source /usr/share/bash-completion/bash_completion; source <(ktl completion bash); PS1="$ "';
    await tabIn('bash --norc --noprofile', init, 'ktl versi', /ktl version/);
    await tabIn(
      'bash --norc --noprofile',
      init,
      `ktl get pods -n ${ns} tab`,
      /ktl get pods -n \S+ tabpod/,
    );
    await tabIn(
      'bash --norc --noprofile',
      init,
      'ktl get pods -o jsonpath-',
      /jsonpath-as-json\s+jsonpath-file/,
    );
  });

  test('zsh: types and namespaces', async () => {
    const init = 'autoload -U compinit; compinit -u; source <(ktl completion zsh); PS1="$ "';
    await tabIn('zsh -f', init, 'ktl get deployments.ap', /ktl get deployments\.apps/);
    await tabIn('zsh -f', init, `ktl get pods -n ${ns.slice(0, -2)}`, new RegExp(`-n ${ns}`));
  });

  test('fish: contexts and pod names', async () => {
    const init = "ktl completion fish | source; function fish_prompt; echo '> '; end";
    await tabIn('fish --no-config', init, 'ktl --context ktl-lo', /--context ktl-local/);
    await tabIn('fish --no-config', init, `ktl logs -n ${ns} tabp`, /ktl logs -n \S+ tabpod/);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function silentServer(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(() => undefined);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

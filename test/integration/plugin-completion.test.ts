import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { isolatedHome, ktl, kubectl, repoRoot } from '../helpers/cluster.js';
import { PluginDir } from '../helpers/plugins.js';
import { TmuxSession } from '../helpers/tmux.js';
import { join } from 'node:path';

/** The candidates of a `__complete` answer as a set, and its directive line. */
function answer(stdout: string): { values: string[]; directive: string } {
  const lines = stdout.trimEnd().split('\n');
  const directive = lines.pop() ?? '';
  return { values: lines.sort(), directive };
}

describe('completion of plugins, side by side with kubectl', () => {
  const plugins = new PluginDir(after);
  plugins.script('kubectl-foo', '');
  plugins.script('kubectl-foo-bar', '');
  plugins.script('kubectl-my_tool', '');
  plugins.script('kubectl-get-extra', '');
  // kubectl 1.26+'s completion programs: candidates on stdout, `:<directive>` last
  plugins.script('kubectl_complete-foo', 'printf "first\\tThe first\\nsecond\\n:4\\n"');
  plugins.script('kubectl_complete-foo-bar', 'echo "bar-args:$#:$*"; echo ":6"');
  plugins.script('kubectl_complete-my_tool', 'echo "$@"');
  const env = { PATH: `${plugins.path}:${process.env['PATH'] ?? ''}`, HOME: isolatedHome() };

  const requests: Array<[string, string[]]> = [
    ['plugin names among the commands', ['__complete', 'f']],
    ['a dashed plugin name', ['__complete', 'my']],
    ['the completion program’s candidates and directive', ['__complete', 'foo', '']],
    ['without descriptions', ['__completeNoDesc', 'foo', 'x', '']],
    ['flags go to the program unparsed', ['__complete', 'foo', '-n', 'x', '--']],
    ['a nested plugin has its own program', ['__complete', 'foo', 'bar', 'a', 'b']],
    ['an underscore program for a dashed name', ['__complete', 'my-tool', '-x', 'y']],
    ['no completion program: the default directive', ['__complete', 'foo', 'bar', 'baz', '']],
  ];
  for (const [what, args] of requests) {
    test(what, async () => {
      const mine = await ktl(args, { env });
      const theirs = await kubectl(args, { env });
      assert.equal(mine.code, 0);
      assert.deepEqual(answer(mine.stdout), answer(theirs.stdout), what);
    });
  }

  test('a plugin under a built-in command is not offered; the built-in completes', async () => {
    const mine = answer((await ktl(['__complete', 'get', 'ext'], { env })).stdout);
    assert.equal(mine.values.includes('extra'), false);
  });
});

describe('TAB on a plugin in real shells', () => {
  const plugins = new PluginDir(after);
  const bin = plugins.dir('bin');
  plugins.script('ktl', `exec ${process.execPath} ${join(repoRoot, 'bin/ktl')} "$@"`, 'bin');
  plugins.script('kubectl-ns', '', 'bin');
  plugins.script('kubectl_complete-ns', 'printf "alphaspace\\nbetaspace\\n:4\\n"', 'bin');
  const env = {
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    HOME: isolatedHome(),
    TERM: 'xterm',
  };

  async function tabIn(shell: string, init: string, line: string, expect: RegExp): Promise<void> {
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
      await session.waitFor((s) => expect.test(s));
    } finally {
      session.kill();
    }
  }

  test('bash: the plugin name, then its candidates', async () => {
    const init =
      'source /usr/share/bash-completion/bash_completion; source <(ktl completion bash); PS1="$ "';
    await tabIn('bash --norc --noprofile', init, 'ktl n', /ktl ns/);
    await tabIn('bash --norc --noprofile', init, 'ktl ns al', /ktl ns alphaspace/);
    await tabIn('bash --norc --noprofile', init, 'ktl ns ', /alphaspace\s+betaspace/);
  });

  test('zsh: the plugin’s candidates', async () => {
    const init = 'autoload -U compinit; compinit -u; source <(ktl completion zsh); PS1="$ "';
    await tabIn('zsh -f', init, 'ktl ns be', /ktl ns betaspace/);
  });

  test('fish: the plugin’s candidates', async () => {
    const init = "ktl completion fish | source; function fish_prompt; echo '> '; end";
    await tabIn('fish --no-config', init, 'ktl ns al', /ktl ns alphaspace/);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command, Option } from 'commander';
import { flagDefaults, listDefault, plainDefault, withHelp } from '../../runtime/command-help.js';
import { flagDefaultText } from './flag-default.js';
import { renderCommandHelp, renderFlag, renderFlags, wrapWords } from './render-help.js';

const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

test('defaults in pflag form, derived from the option', () => {
  const command = new Command('x')
    .option('--all', 'bool')
    .option('--watch [bool]', 'optional bool, default true', true)
    .option('--no-headers', 'negated bool')
    .option('--name <name>', 'string without default')
    .option('--output <format>', 'string with default', 'yaml')
    .option('-f, --filename <file>', 'repeatable', collect)
    .option('--timeout <duration>', 'duration', '30s')
    .option('--count <n>', 'number parser', (v: string) => Number(v))
    .addOption(new Option('--level <n>', 'number default').default(3));
  const text = Object.fromEntries(command.options.map((o) => [o.long, flagDefaultText(o)]));
  assert.deepEqual(text, {
    '--all': 'false',
    '--watch': 'true',
    '--no-headers': 'false',
    '--name': "''",
    '--output': "'yaml'",
    '--filename': '[]',
    '--timeout': '30s',
    '--count': '0',
    '--level': '3',
  });
});

test('a recorded default wins; an unknown flag name throws', () => {
  const command = new Command('x')
    .option('--replicas <n>', 'kept as a string', '1')
    .option('--types <t>', 'list');
  flagDefaults(command, { replicas: plainDefault(1), types: listDefault() });
  assert.deepEqual(command.options.map(flagDefaultText), ['1', '[]']);
  assert.throws(() => flagDefaults(command, { nope: plainDefault(0) }), /no flag --nope/);
});

test('flags sorted by name in Go string order, tab-indented descriptions, blank-line separated', () => {
  const command = new Command('x')
    .option('--as-uid <u>', 'uid')
    .option('--as <u>', 'user')
    .option('-n, --namespace <ns>', 'ns\nsecond line')
    .option('--as-group <g>', 'group', collect);
  assert.equal(
    renderFlags(command.options),
    "    --as='':\n\tuser\n\n    --as-group=[]:\n\tgroup\n\n    --as-uid='':\n\tuid\n\n    -n, --namespace='':\n\tns\n\tsecond line",
  );
});

test('wrapping: none without a terminal; at width - 10 on one, words never split', () => {
  const option = new Option('--x', 'alpha beta gamma delta');
  assert.equal(renderFlag(option), '    --x=false:\n\talpha beta gamma delta');
  assert.equal(renderFlag(option, 19), '    --x=false:\n\talpha\n\tbeta\n\tgamma\n\tdelta');
  assert.equal(renderFlag(option, 26), '    --x=false:\n\talpha beta gamma\n\tdelta');
  assert.equal(wrapWords('a verylongword b', 4), 'a\nverylongword\nb');
  assert.equal(wrapWords('one\ntwo three', 100), 'one two three');
});

test('command help: description, Examples, Options, Usage, closing tip in that order', () => {
  const root = new Command('ktl').option('--kubeconfig <p>', 'global');
  const scale = new Command('scale').description('Short.').option('--all', 'all');
  root.addCommand(scale);
  withHelp(scale, {
    long: 'Long text.',
    example: '# Scale\nktl scale --replicas=3 rs/foo\n\n# Again\nktl scale x',
    usage: '--replicas=COUNT (TYPE NAME)',
  });
  assert.equal(
    renderCommandHelp(scale),
    'Long text.\n\nExamples:\n  # Scale\n  ktl scale --replicas=3 rs/foo\n  \n  # Again\n  ktl scale x\n\n' +
      'Options:\n    --all=false:\n\tall\n\n' +
      'Usage:\n  ktl scale --replicas=COUNT (TYPE NAME) [options]\n\n' +
      'Use "ktl options" for a list of global command-line options (applies to all commands).\n',
  );
});

test('group help: sorted Available Commands padded to max(11, longest) + 2, SUBCOMMAND usage', () => {
  const root = new Command('ktl');
  const rollout = new Command('rollout').description('Manage the rollout.');
  rollout.addCommand(new Command('undo').description('Undo a previous rollout.'));
  rollout.addCommand(new Command('history').summary('View rollout history').description('Long.'));
  root.addCommand(rollout);
  assert.equal(
    renderCommandHelp(rollout),
    'Manage the rollout.\n\nAvailable Commands:\n  history       View rollout history\n  undo          Undo a previous rollout\n\n' +
      'Usage:\n  ktl rollout SUBCOMMAND [options]\n\n' +
      'Use "ktl rollout <command> --help" for more information about a given command.\n' +
      'Use "ktl options" for a list of global command-line options (applies to all commands).\n',
  );
});

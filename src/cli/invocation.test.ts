import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { readInvocation } from './invocation.js';

function tree(): Command {
  const program = new Command('ktl').option('-n, --namespace <ns>').option('-v, --v <level>');
  const get = new Command('get').option('--show-kind').option('--no-headers');
  get.option('-A, --all-namespaces').option('--allow-missing-template-keys [bool]');
  const rollout = new Command('rollout');
  rollout.addCommand(new Command('status').option('-w, --watch [bool]').option('--timeout <d>'));
  program.addCommand(get);
  program.addCommand(rollout);
  return program;
}

test('the path names the command, not a flag value', () => {
  assert.equal(readInvocation(tree(), ['-n', 'get', 'get', 'pods']).path, 'ktl get');
  assert.equal(
    readInvocation(tree(), ['rollout', '-n', 'x', 'status', 'd']).path,
    'ktl rollout status',
  );
  assert.equal(readInvocation(tree(), ['nope']).path, 'ktl');
});

test("bools as pflag reads them: never the next word, =true/=false, pflag's error", () => {
  const read = (...args: string[]): string[] => readInvocation(tree(), args).argv;
  assert.deepEqual(read('rollout', 'status', '-w', 'deploy/web'), [
    'rollout',
    'status',
    '--watch=true',
    'deploy/web',
  ]);
  assert.deepEqual(read('get', 'pods', '--show-kind=true', '--no-headers=false', '-A=1'), [
    'get',
    'pods',
    '--show-kind',
    '-A',
  ]);
  assert.deepEqual(read('get', '--allow-missing-template-keys=false'), [
    'get',
    '--allow-missing-template-keys=false',
  ]);
  assert.equal(
    readInvocation(tree(), ['get', '--show-kind=yes']).boolError,
    'invalid argument "yes" for "--show-kind" flag: strconv.ParseBool: parsing "yes": invalid syntax',
  );
});

test('a flag that needs a value takes the next word even when it starts with "-"', () => {
  const read = (...args: string[]): string[] => readInvocation(tree(), args).argv;
  assert.deepEqual(read('rollout', 'status', '--timeout', '-1s'), [
    'rollout',
    'status',
    '--timeout=-1s',
  ]);
  assert.deepEqual(read('-n', '-x', 'get'), ['-n-x', 'get']);
  assert.deepEqual(read('-n', 'ns', 'get', '--', '-w', '--x=1'), [
    '-n',
    'ns',
    'get',
    '--',
    '-w',
    '--x=1',
  ]);
});

test('a flag given last with no value is named as pflag names it', () => {
  assert.equal(readInvocation(tree(), ['get', '-n']).missingValue, "'n' in -n");
  assert.equal(readInvocation(tree(), ['get', '--namespace']).missingValue, '--namespace');
  assert.equal(readInvocation(tree(), ['get', '-n', 'x']).missingValue, undefined);
});

test('=false of a bool that defaults to true turns it off (apply --overwrite, wait -R)', async () => {
  const program = new Command('ktl').exitOverride();
  let seen: unknown;
  program.addCommand(
    new Command('wait')
      .option('-R, --recursive', 'recurse', true)
      .action((flags: { recursive?: boolean }) => {
        seen = flags.recursive;
      }),
  );
  const parse = async (...args: string[]): Promise<unknown> => {
    const { argv } = readInvocation(program, args);
    await program.parseAsync(argv, { from: 'user' });
    return seen;
  };
  assert.equal(await parse('wait'), true);
  assert.deepEqual(readInvocation(program, ['wait', '-R=false']).argv, ['wait', '--no-recursive']);
  assert.equal(await parse('wait', '-R=false'), false);
  assert.equal(await parse('wait', '--recursive=0'), false);
  assert.equal(await parse('wait', '--recursive=true'), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommandContext } from '../runtime/command-context.js';
import { commandFactories } from '../commands/registry.js';
import { buildProgram, invokedCommandName } from './program.js';

const context: CommandContext = {
  streams: { in: process.stdin, out: process.stdout, err: process.stderr },
  env: {},
  factories: [],
};

test('every registered name is the name of the command its factory builds', () => {
  for (const [name, make] of commandFactories) assert.equal(make(context).name(), name);
});

test('only the invoked command is built; help and unknown words get them all', () => {
  const all = commandFactories.length;
  assert.deepEqual(
    buildProgram(context, ['get', 'pods']).commands.map((c) => c.name()),
    ['get'],
  );
  assert.deepEqual(
    buildProgram(context, ['-n', 'get', 'logs', 'p']).commands.map((c) => c.name()),
    ['logs'],
  );
  assert.deepEqual(
    buildProgram(context, ['--context=x', 'version']).commands.map((c) => c.name()),
    ['version'],
  );
  assert.equal(buildProgram(context, ['--help']).commands.length, all);
  assert.equal(buildProgram(context, ['gte']).commands.length, all);
  assert.equal(buildProgram(context).commands.length, all);
});

test('the invoked word skips global flags and their values', () => {
  const program = buildProgram(context, []);
  assert.equal(invokedCommandName(program, ['--kubeconfig', '/k', '-v', '6', 'get']), 'get');
  assert.equal(invokedCommandName(program, ['--insecure-skip-tls-verify', 'apply']), 'apply');
  assert.equal(invokedCommandName(program, ['--', 'get']), undefined);
});

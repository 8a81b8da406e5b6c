import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeArgv } from './argv.js';

test('pflag short flags joined with = are split', () => {
  assert.deepEqual(normalizeArgv(['get', '-n=kube-system', '-v=6', 'pods']), [
    'get',
    '-n',
    'kube-system',
    '-v',
    '6',
    'pods',
  ]);
});

test('arguments after -- are passed through untouched', () => {
  assert.deepEqual(normalizeArgv(['exec', 'p', '--', 'sh', '-c=1']), [
    'exec',
    'p',
    '--',
    'sh',
    '-c=1',
  ]);
});

test('long flags with = are left to commander', () => {
  assert.deepEqual(normalizeArgv(['--namespace=x']), ['--namespace=x']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AggregateCliError,
  ApiStatusError,
  ConfigError,
  ConnectionRefusedError,
  NoResourceTypeError,
  UsageError,
} from './errors.js';
import { formatError } from './format-error.js';

test('NotFound prints as Error from server (NotFound)', () => {
  const error = new ApiStatusError(
    {
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'pods "x" not found',
      details: { name: 'x', kind: 'pods' },
    },
    404,
  );
  assert.deepEqual(formatError(error), {
    text: 'Error from server (NotFound): pods "x" not found\n',
    exitCode: 1,
  });
});

test('Unauthorized prints as You must be logged in to the server', () => {
  const error = new ApiStatusError(
    { status: 'Failure', reason: 'Unauthorized', code: 401, message: 'Unauthorized' },
    401,
  );
  assert.equal(
    formatError(error).text,
    'error: You must be logged in to the server (Unauthorized)\n',
  );
});

test('Invalid with several causes prints one bullet per cause, deduplicated', () => {
  const error = new ApiStatusError(
    {
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      message: 'Deployment.apps "web" is invalid: ...',
      details: {
        name: 'web',
        kind: 'Deployment',
        causes: [
          {
            field: 'spec.replicas',
            message: 'Invalid value: -1: must be greater than or equal to 0',
          },
          {
            field: 'spec.replicas',
            message: 'Invalid value: -1: must be greater than or equal to 0',
          },
          { field: 'spec.selector', message: 'Required value' },
        ],
      },
    },
    422,
  );
  assert.equal(
    formatError(error).text,
    'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value\n',
  );
});

test('Invalid with one cause prints on one line', () => {
  const error = new ApiStatusError(
    {
      status: 'Failure',
      reason: 'Invalid',
      details: {
        name: 'cm',
        kind: 'ConfigMap',
        causes: [{ field: 'metadata.name', message: 'Required value' }],
      },
    },
    422,
  );
  assert.equal(
    formatError(error).text,
    'The ConfigMap "cm" is invalid: metadata.name: Required value\n',
  );
});

test('status without a reason prints Error from server:', () => {
  const error = new ApiStatusError({ status: 'Failure', message: 'boom' }, 500);
  assert.equal(formatError(error).text, 'Error from server: boom\n');
});

test('connection refused, config, usage, unknown type and plain errors use kubectl wording', () => {
  assert.equal(
    formatError(new ConnectionRefusedError('127.0.0.1:6443')).text,
    'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n',
  );
  assert.equal(
    formatError(new ConfigError('context was not found for specified context: x')).text,
    'Error in configuration: context was not found for specified context: x\n',
  );
  assert.equal(
    formatError(new ConfigError(['a', 'b'])).text,
    'Error in configuration: \n* a\n* b\n',
  );
  assert.equal(
    formatError(new UsageError('bad', 'ktl get')).text,
    "error: bad\nSee 'ktl get -h' for help and examples\n",
  );
  assert.equal(
    formatError(new NoResourceTypeError('foo')).text,
    'error: the server doesn\'t have a resource type "foo"\n',
  );
  assert.equal(formatError(new Error('x')).text, 'error: x\n');
});

test('stack traces appear only at -v=4 and above', () => {
  assert.doesNotMatch(formatError(new Error('x'), 0).text, /at /);
  assert.match(formatError(new Error('x'), 4).text, /\n\s+at /);
});

test('aggregate errors print one line each', () => {
  const text = formatError(
    new AggregateCliError([new NoResourceTypeError('a'), new NoResourceTypeError('b')]),
  ).text;
  assert.equal(
    text,
    'error: the server doesn\'t have a resource type "a"\nerror: the server doesn\'t have a resource type "b"\n',
  );
});

test('Invalid without kind and name reads "The request is invalid"', () => {
  const error = new ApiStatusError(
    {
      status: 'Failure',
      reason: 'Invalid',
      details: { causes: [{ field: 'patch', message: 'unable to find api field' }] },
    },
    422,
  );
  assert.equal(
    formatError(error).text,
    'The request is invalid: patch: unable to find api field\n',
  );
  const bare = new ApiStatusError({ status: 'Failure', reason: 'Invalid', message: 'x' }, 422);
  assert.equal(formatError(bare).text, 'The request is invalid\n');
});

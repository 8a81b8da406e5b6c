import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AggregateCliError,
  ApiStatusError,
  BareError,
  ConfigError,
  ConnectionRefusedError,
  FlagError,
  FlagValueError,
  MultipleErrors,
  NoResourceTypeError,
  PlainError,
  PrefixedError,
  RaisedExitCode,
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

test("pflag's flag errors: the value's problem, then cobra's pointer to the usage", () => {
  assert.equal(
    formatError(
      new FlagValueError(
        '--replicas',
        'x',
        'strconv.ParseInt: parsing "x": invalid syntax',
        'ktl scale',
      ),
    ).text,
    'error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'ktl scale --help\' for usage.\n',
  );
  assert.equal(
    formatError(new FlagValueError('--grace-period', 'x', 'why')).text,
    'error: invalid argument "x" for "--grace-period" flag: why\n',
  );
  assert.equal(
    formatError(new FlagError('unknown flag: --nope', 'ktl get')).text,
    "error: unknown flag: --nope\nSee 'ktl get --help' for usage.\n",
  );
});

test('bare errors keep their wording and exit code', () => {
  assert.deepEqual(formatError(new BareError('command terminated with exit code 3', 3)), {
    text: 'command terminated with exit code 3\n',
    exitCode: 3,
  });
});

test('several failures print one line each without error:, one reads as it would alone', () => {
  const notFound = new ApiStatusError({ status: 'Failure', reason: 'NotFound', message: 'x' }, 404);
  assert.deepEqual(formatError(new MultipleErrors([notFound, new PlainError('y')])), {
    text: 'Error from server (NotFound): x\ny\n',
    exitCode: 1,
  });
  assert.equal(formatError(new MultipleErrors([new PlainError('y')])).text, 'error: y\n');
  assert.equal(
    formatError(new MultipleErrors([new PrefixedError('a'), new PlainError('b')])).text,
    'error: a\nb\n',
  );
});

test("a raised exit code keeps the cause's text (diff's failures exit with one more)", () => {
  assert.deepEqual(formatError(new RaisedExitCode(new PlainError('boom'), 1)), {
    text: 'error: boom\n',
    exitCode: 2,
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  channelMessage,
  closeChannelMessage,
  decodeStreamStatus,
  resizeMessage,
  splitChannelMessage,
} from './stream-protocol.js';

test('channel messages are prefixed with their channel byte', () => {
  assert.deepEqual([...channelMessage(0, 'hi')], [0, 0x68, 0x69]);
  assert.deepEqual(splitChannelMessage(Buffer.from([2, 0x41])), {
    channel: 2,
    data: Buffer.from('A'),
  });
  assert.equal(splitChannelMessage(Buffer.alloc(0)), undefined);
});

test('v5 close and resize messages', () => {
  assert.deepEqual([...closeChannelMessage(0)], [255, 0]);
  const resize = resizeMessage(120, 40);
  assert.equal(resize[0], 4);
  assert.equal(resize.subarray(1).toString(), '{"Width":120,"Height":40}');
});

test('a NonZeroExitCode status gives the exit code and kubectl message', () => {
  // As kube-apiserver 1.34 sends it on channel 3 for `sh -c 'exit 3'`.
  const status = JSON.stringify({
    metadata: {},
    status: 'Failure',
    message: 'command terminated with non-zero exit code: exit status 3',
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: '3' }] },
  });
  assert.deepEqual(decodeStreamStatus(status), {
    kind: 'exit',
    exitCode: 3,
    message: 'command terminated with exit code 3',
  });
});

test('success, empty and other failures', () => {
  assert.deepEqual(decodeStreamStatus('{"metadata":{},"status":"Success"}'), { kind: 'success' });
  assert.deepEqual(decodeStreamStatus(''), { kind: 'success' });
  assert.deepEqual(
    decodeStreamStatus('{"status":"Failure","message":"container not found (\\"x\\")"}'),
    { kind: 'error', message: 'container not found ("x")' },
  );
  assert.equal(
    decodeStreamStatus('{"status":"Failure","reason":"NonZeroExitCode","details":{}}').kind,
    'error',
  );
});

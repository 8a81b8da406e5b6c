import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FrameParser,
  MessageAssembler,
  Opcode,
  decodeClosePayload,
  encodeClosePayload,
  encodeFrame,
} from './websocket-frame.js';

test('a masked client frame decodes back to its payload', () => {
  const mask = Buffer.from([1, 2, 3, 4]);
  const frame = encodeFrame(Opcode.binary, Buffer.from('hello'), mask);
  assert.deepEqual([...frame.subarray(0, 2)], [0x82, 0x85]);
  assert.deepEqual(frame.subarray(2, 6), mask);
  const [decoded] = new FrameParser().push(frame);
  assert.equal(decoded?.payload.toString(), 'hello');
  assert.equal(decoded?.opcode, Opcode.binary);
  assert.equal(decoded?.fin, true);
});

test('16-bit and 64-bit lengths are encoded as RFC 6455 says', () => {
  const medium = encodeFrame(Opcode.binary, Buffer.alloc(300), null);
  assert.equal(medium[1], 126);
  assert.equal(medium.readUInt16BE(2), 300);
  const large = encodeFrame(Opcode.binary, Buffer.alloc(70000), null);
  assert.equal(large[1], 127);
  assert.equal(Number(large.readBigUInt64BE(2)), 70000);
  const frames = new FrameParser().push(Buffer.concat([medium, large]));
  assert.deepEqual(
    frames.map((f) => f.payload.length),
    [300, 70000],
  );
});

test('frames split across chunks are reassembled', () => {
  const bytes = Buffer.concat([
    encodeFrame(Opcode.binary, Buffer.from('abc'), null),
    encodeFrame(Opcode.text, Buffer.alloc(200, 0x61), null),
  ]);
  const parser = new FrameParser();
  const seen: string[] = [];
  for (let i = 0; i < bytes.length; i += 7) {
    for (const frame of parser.push(bytes.subarray(i, i + 7)))
      seen.push(`${frame.opcode}:${frame.payload.length}`);
  }
  assert.deepEqual(seen, ['2:3', '1:200']);
});

test('fragmented messages join; control frames in between pass through', () => {
  const assembler = new MessageAssembler();
  const first = assembler.add({ fin: false, opcode: Opcode.binary, payload: Buffer.from('ab') });
  const ping = assembler.add({ fin: true, opcode: Opcode.ping, payload: Buffer.from('p') });
  const last = assembler.add({ fin: true, opcode: 0, payload: Buffer.from('cd') });
  assert.equal(first, undefined);
  assert.equal(ping?.opcode, Opcode.ping);
  assert.equal(last?.opcode, Opcode.binary);
  assert.equal(last?.payload.toString(), 'abcd');
});

test('close payloads carry a code and a reason', () => {
  assert.deepEqual(decodeClosePayload(encodeClosePayload(1000, 'bye')), {
    code: 1000,
    reason: 'bye',
  });
  assert.deepEqual(decodeClosePayload(Buffer.alloc(0)), { code: 1005, reason: '' });
});

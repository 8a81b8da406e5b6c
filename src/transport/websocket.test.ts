import assert from 'node:assert/strict';
import { Duplex } from 'node:stream';
import { test } from 'node:test';
import { WebSocketConnection } from './websocket.js';
import { FrameParser, Opcode, encodeClosePayload, encodeFrame } from './websocket-frame.js';

/** A socket whose "server" side the test drives: push() feeds it, written holds what it sent. */
function fakeSocket(): { socket: Duplex; written: Buffer[] } {
  const written: Buffer[] = [];
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      written.push(chunk);
      callback();
    },
  });
  return { socket, written };
}

test('frames that arrived with the upgrade response reach a listener attached later', async () => {
  const { socket } = fakeSocket();
  const head = Buffer.concat([
    encodeFrame(Opcode.binary, Buffer.from([0, 80, 0]), null),
    encodeFrame(Opcode.binary, Buffer.from([1, 80, 0]), null),
  ]);
  const connection = new WebSocketConnection(socket, 'v4.channel.k8s.io', head);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const seen: number[][] = [];
  connection.on('message', (payload) => seen.push([...payload]));
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(seen, [
    [0, 80, 0],
    [1, 80, 0],
  ]);
});

test('pings are answered and a server close is echoed, then close is emitted once', async () => {
  const { socket, written } = fakeSocket();
  const connection = new WebSocketConnection(socket, 'v5.channel.k8s.io');
  const closes: number[] = [];
  connection.on('message', () => undefined);
  connection.on('close', (code) => closes.push(code));
  socket.push(encodeFrame(Opcode.ping, Buffer.from('hi'), null));
  socket.push(encodeFrame(Opcode.close, encodeClosePayload(1000), null));
  await new Promise((resolve) => setTimeout(resolve, 5));
  const sent = new FrameParser().push(Buffer.concat(written));
  assert.deepEqual(
    sent.map((f) => [f.opcode, f.payload.toString('hex')]),
    [
      [Opcode.pong, Buffer.from('hi').toString('hex')],
      [Opcode.close, '03e8'],
    ],
  );
  assert.deepEqual(closes, [1000]);
});

import type { Duplex } from 'node:stream';
import { channelMessage, splitChannelMessage } from './stream-protocol.js';
import type { WebSocketConnection } from './websocket.js';

const DATA_CHANNEL = 0;
const ERROR_CHANNEL = 1;
const PORT_HEADER_BYTES = 2;

/**
 * Joins one local TCP connection to one remote port over a port-forward WebSocket
 * (v4.channel.k8s.io, one port per connection: channel 0 data, channel 1 errors, each opened by
 * a 2-byte little-endian port header). Resolves when either side is done; rejects with the
 * error text the server sent, if any.
 */
export function pipePortForward(connection: WebSocketConnection, socket: Duplex): Promise<void> {
  const headerLeft = new Map<number, number>([
    [DATA_CHANNEL, PORT_HEADER_BYTES],
    [ERROR_CHANNEL, PORT_HEADER_BYTES],
  ]);
  let errorText = '';
  const withoutHeader = (channel: number, data: Buffer): Buffer => {
    const left = headerLeft.get(channel) ?? 0;
    if (left === 0) return data;
    const skip = Math.min(left, data.length);
    headerLeft.set(channel, left - skip);
    return data.subarray(skip);
  };
  return new Promise((resolve, reject) => {
    connection.on('message', (payload) => {
      const message = splitChannelMessage(payload);
      if (!message) return;
      const data = withoutHeader(message.channel, message.data);
      if (data.length === 0) return;
      if (message.channel === DATA_CHANNEL) {
        if (!socket.write(data)) socket.once('drain', () => undefined);
      } else if (message.channel === ERROR_CHANNEL) errorText += data.toString('utf8');
    });
    socket.on('data', (chunk: Buffer) => {
      if (!connection.send(channelMessage(DATA_CHANNEL, chunk))) {
        socket.pause();
        connection.onDrain(() => socket.resume());
      }
    });
    socket.on('end', () => connection.close());
    socket.on('error', () => connection.close());
    connection.on('error', (error) => {
      socket.destroy();
      reject(error);
    });
    connection.on('close', () => {
      socket.end();
      if (errorText !== '') reject(new Error(errorText));
      else resolve();
    });
  });
}

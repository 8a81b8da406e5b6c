import type { OutputStream } from '../util/io-streams.js';
import type { RemoteCommandOutcome } from './stream-protocol.js';
import {
  Channel,
  channelMessage,
  closeChannelMessage,
  decodeStreamStatus,
  resizeMessage,
  splitChannelMessage,
} from './stream-protocol.js';
import type { WebSocketConnection } from './websocket.js';

/** The local ends of a remote command's streams. */
export interface RemoteCommandStreams {
  stdin?: NodeJS.ReadableStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
}

/**
 * One exec/attach session over a channel WebSocket: copies stdin out, stdout/stderr in, and
 * resolves with the outcome from the error channel once the server closes the connection.
 */
export class RemoteCommandSession {
  private readonly connection: WebSocketConnection;
  private readonly streams: RemoteCommandStreams;
  private statusText = '';

  constructor(connection: WebSocketConnection, streams: RemoteCommandStreams) {
    this.connection = connection;
    this.streams = streams;
  }

  /** Whether the server speaks v5 (stdin can be closed). */
  get canCloseStdin(): boolean {
    return this.connection.protocol === 'v5.channel.k8s.io';
  }

  /** Sends a terminal size (only meaningful with a TTY). */
  resize(width: number, height: number): void {
    this.connection.send(resizeMessage(width, height));
  }

  /** Runs until the server closes the connection. */
  run(): Promise<RemoteCommandOutcome> {
    return new Promise((resolve, reject) => {
      this.connection.on('message', (payload) => this.receive(payload));
      this.connection.on('error', reject);
      this.connection.on('close', () => resolve(decodeStreamStatus(this.statusText)));
      this.pumpStdin();
    });
  }

  private receive(payload: Buffer): void {
    const message = splitChannelMessage(payload);
    if (!message || message.data.length === 0) return;
    if (message.channel === Channel.stdout) this.streams.stdout?.write(message.data);
    else if (message.channel === Channel.stderr) this.streams.stderr?.write(message.data);
    else if (message.channel === Channel.error) this.statusText += message.data.toString('utf8');
  }

  private pumpStdin(): void {
    const stdin = this.streams.stdin;
    if (!stdin) return;
    const onData = (chunk: Buffer | string): void => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (!this.connection.send(channelMessage(Channel.stdin, data))) {
        stdin.pause();
        this.connection.onDrain(() => stdin.resume());
      }
    };
    stdin.on('data', onData);
    stdin.on('end', () => {
      if (this.canCloseStdin) this.connection.send(closeChannelMessage(Channel.stdin));
    });
    this.connection.on('close', () => {
      stdin.removeListener('data', onData);
      stdin.pause();
    });
  }
}

import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import {
  FrameParser,
  MessageAssembler,
  Opcode,
  decodeClosePayload,
  encodeClosePayload,
  encodeFrame,
} from './websocket-frame.js';

/** Events of a WebSocketConnection. */
export interface WebSocketEvents {
  message: [payload: Buffer, binary: boolean];
  close: [code: number, reason: string];
  error: [error: Error];
  newListener: [event: string | symbol, listener: unknown];
}

/**
 * A client-side WebSocket over an upgraded socket: masks what it sends, reassembles fragmented
 * messages, answers pings and performs the close handshake. Emits `message`, `close` (once) and
 * `error`.
 */
export class WebSocketConnection extends EventEmitter<WebSocketEvents> {
  /** The subprotocol the server chose (Sec-WebSocket-Protocol). */
  readonly protocol: string;
  private readonly socket: Duplex;
  private readonly parser = new FrameParser();
  private readonly assembler = new MessageAssembler();
  private closeSent = false;
  private closed = false;
  private started = false;
  private closedEarly = false;
  private readonly pending: Buffer[] = [];

  constructor(socket: Duplex, protocol: string, head: Buffer = Buffer.alloc(0)) {
    super();
    this.socket = socket;
    this.protocol = protocol;
    if (head.length > 0) this.pending.push(head);
    // Nothing is parsed until a 'message' listener exists: frames that came with the upgrade
    // response (or right after it) must not be emitted to nobody.
    socket.on('data', (chunk: Buffer) =>
      this.started ? this.receive(chunk) : this.pending.push(chunk),
    );
    socket.on('error', (error: Error) => {
      if (!this.closed) this.emit('error', error);
    });
    socket.on('close', () => (this.started ? this.finish(1006, '') : (this.closedEarly = true)));
    this.on('newListener', (event: string | symbol) => {
      if (event === 'message' && !this.started) queueMicrotask(() => this.start());
    });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (const chunk of this.pending.splice(0)) this.receive(chunk);
    if (this.closedEarly) this.finish(1006, '');
  }

  /** Sends one binary message; returns false when the socket buffer is full. */
  send(payload: Buffer): boolean {
    if (this.closeSent || this.closed) return false;
    return this.socket.write(encodeFrame(Opcode.binary, payload));
  }

  /** Calls back once the socket can take more data. */
  onDrain(callback: () => void): void {
    this.socket.once('drain', callback);
  }

  /** Starts the close handshake (the socket ends when the server answers). */
  close(code = 1000, reason = ''): void {
    if (this.closeSent || this.closed) return;
    this.closeSent = true;
    this.socket.write(encodeFrame(Opcode.close, encodeClosePayload(code, reason)));
    // A server that never answers must not keep the process alive.
    setTimeout(() => this.socket.destroy(), 2000).unref();
  }

  /** Drops the connection without a handshake. */
  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    for (const frame of this.parser.push(chunk)) {
      const message = this.assembler.add(frame);
      if (!message) continue;
      if (message.opcode === Opcode.ping) {
        if (!this.closeSent) this.socket.write(encodeFrame(Opcode.pong, message.payload));
      } else if (message.opcode === Opcode.close) {
        const { code, reason } = decodeClosePayload(message.payload);
        if (!this.closeSent) {
          this.closeSent = true;
          this.socket.write(encodeFrame(Opcode.close, message.payload.subarray(0, 2)));
        }
        this.socket.end();
        this.finish(code, reason);
      } else if (message.opcode === Opcode.binary || message.opcode === Opcode.text) {
        this.emit('message', message.payload, message.opcode === Opcode.binary);
      }
    }
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', code, reason);
  }
}

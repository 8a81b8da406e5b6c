import { randomBytes } from 'node:crypto';

/** WebSocket opcodes (RFC 6455 §5.2). */
export const Opcode = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** One decoded frame. */
export interface WebSocketFrame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** Encodes one frame, masked with a fresh random key unless mask is null (server frames). */
export function encodeFrame(
  opcode: number,
  payload: Buffer,
  mask: Buffer | null = randomBytes(4),
  fin = true,
): Buffer {
  const length = payload.length;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (mask ? 4 : 0));
  header[0] = (fin ? 0x80 : 0) | (opcode & 0x0f);
  const maskBit = mask ? 0x80 : 0;
  if (lengthBytes === 0) header[1] = maskBit | length;
  else if (lengthBytes === 2) {
    header[1] = maskBit | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  mask.copy(header, 2 + lengthBytes);
  return Buffer.concat([header, applyMask(payload, mask)]);
}

/** XORs a payload with a 4-byte mask (masking and unmasking are the same operation). */
export function applyMask(payload: Buffer, mask: Buffer): Buffer {
  const result = Buffer.allocUnsafe(payload.length);
  for (let i = 0; i < payload.length; i++) result[i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
  return result;
}

/**
 * Splits a byte stream into frames. Feed it socket chunks with push(); it returns every frame
 * completed so far and keeps the remainder for the next chunk.
 */
export class FrameParser {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds bytes and returns the frames now complete. */
  push(chunk: Buffer): WebSocketFrame[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: WebSocketFrame[] = [];
    for (;;) {
      const frame = this.next();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  private next(): WebSocketFrame | undefined {
    const data = this.buffered;
    if (data.length < 2) return undefined;
    const first = data[0] ?? 0;
    const second = data[1] ?? 0;
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (data.length < 4) return undefined;
      length = data.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (data.length < 10) return undefined;
      length = Number(data.readBigUInt64BE(2));
      offset = 10;
    }
    const masked = (second & 0x80) !== 0;
    const maskOffset = offset;
    if (masked) offset += 4;
    if (data.length < offset + length) return undefined;
    let payload = data.subarray(offset, offset + length);
    if (masked) payload = applyMask(payload, data.subarray(maskOffset, maskOffset + 4));
    this.buffered = data.subarray(offset + length);
    return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload: Buffer.from(payload) };
  }
}

/** Joins fragmented data frames into whole messages; control frames pass straight through. */
export class MessageAssembler {
  private parts: Buffer[] = [];
  private opcode = 0;

  /** Returns a whole message (opcode and payload) when this frame completes one. */
  add(frame: WebSocketFrame): { opcode: number; payload: Buffer } | undefined {
    if (frame.opcode >= 0x8) return { opcode: frame.opcode, payload: frame.payload };
    if (frame.opcode !== Opcode.continuation) {
      this.opcode = frame.opcode;
      this.parts = [];
    }
    this.parts.push(frame.payload);
    if (!frame.fin) return undefined;
    const payload = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
    this.parts = [];
    return { opcode: this.opcode, payload };
  }
}

/** The payload of a close frame: a status code and a reason. */
export function encodeClosePayload(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
}

/** Reads a close frame's payload (code 1005 when the peer sent none). */
export function decodeClosePayload(payload: Buffer): { code: number; reason: string } {
  if (payload.length < 2) return { code: 1005, reason: '' };
  return { code: payload.readUInt16BE(0), reason: payload.subarray(2).toString('utf8') };
}

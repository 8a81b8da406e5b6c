/**
 * A push parser for a tar stream arriving in chunks (the stdout of `tar cf -` over exec): it
 * calls back for each entry, each piece of its body and its end, and notices the end-of-archive
 * blocks, after which everything is ignored (GNU tar pads its output to whole records).
 */
import type { EntryType } from './tar-header.js';
import { BLOCK, entryType, padding, parseHeader, parsePax } from './tar-header.js';

/** An entry as the parser hands it over (names after PAX and GNU long-name records). */
export interface TarEntry {
  name: string;
  type: EntryType;
  mode: number;
  size: number;
  linkname: string;
}

export interface TarHandlers {
  entry(entry: TarEntry): void;
  data(chunk: Buffer): void;
  entryEnd(): void;
}

type State =
  | { kind: 'header' }
  | { kind: 'body'; remaining: number; pad: number; sink: 'entry' | 'meta' }
  | { kind: 'done' };

export class TarParser {
  private buffered: Buffer = Buffer.alloc(0);
  private state: State = { kind: 'header' };
  private readonly handlers: TarHandlers;
  private meta: { typeflag: string; chunks: Buffer[] } | undefined;
  private longName: string | undefined;
  private longLink: string | undefined;
  private pax = new Map<string, string>();

  constructor(handlers: TarHandlers) {
    this.handlers = handlers;
  }

  /** Whether the end-of-archive marker was seen. */
  get finished(): boolean {
    return this.state.kind === 'done';
  }

  /** Feeds bytes; handler calls happen synchronously. Throws on a corrupt header. */
  write(chunk: Buffer): void {
    if (this.state.kind === 'done') return;
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      // (header() may end the archive: re-read the state each turn)
      const state = this.state as State;
      if (state.kind === 'done') return;
      if (state.kind === 'header') {
        if (this.buffered.length < BLOCK) return;
        const block = this.buffered.subarray(0, BLOCK);
        this.buffered = this.buffered.subarray(BLOCK);
        this.header(block);
        continue;
      }
      if (state.remaining > 0) {
        if (this.buffered.length === 0) return;
        const piece = this.buffered.subarray(0, Math.min(state.remaining, this.buffered.length));
        this.buffered = this.buffered.subarray(piece.length);
        state.remaining -= piece.length;
        if (state.sink === 'entry') this.handlers.data(piece);
        else this.meta?.chunks.push(piece);
        if (state.remaining > 0) return;
      }
      if (this.buffered.length < state.pad) return;
      this.buffered = this.buffered.subarray(state.pad);
      this.state = { kind: 'header' };
      if (state.sink === 'entry') this.handlers.entryEnd();
      else this.applyMeta();
    }
  }

  /** The stream ended: an archive cut short is io.ErrUnexpectedEOF, as Go's reader says. */
  end(): void {
    if (this.state.kind === 'done') return;
    if (this.state.kind === 'body' || this.buffered.length > 0) throw new Error('unexpected EOF');
  }

  private header(block: Buffer): void {
    const raw = parseHeader(block);
    if (!raw) {
      this.state = { kind: 'done' };
      return;
    }
    if (['x', 'g', 'L', 'K'].includes(raw.typeflag)) {
      this.meta = { typeflag: raw.typeflag, chunks: [] };
      this.state = { kind: 'body', remaining: raw.size, pad: padding(raw.size), sink: 'meta' };
      return;
    }
    const type = entryType(raw.typeflag);
    const name = this.pax.get('path') ?? this.longName ?? raw.name;
    const linkname = this.pax.get('linkpath') ?? this.longLink ?? raw.linkname;
    const size = Number(this.pax.get('size') ?? raw.size);
    this.pax = new Map();
    this.longName = undefined;
    this.longLink = undefined;
    // directories, links and devices carry no body whatever their size field says
    const bodySize = type === 'file' || type === 'other' ? size : 0;
    this.handlers.entry({ name, type, mode: raw.mode, size: bodySize, linkname });
    this.state = { kind: 'body', remaining: bodySize, pad: padding(bodySize), sink: 'entry' };
  }

  private applyMeta(): void {
    const meta = this.meta;
    this.meta = undefined;
    if (!meta) return;
    const body = Buffer.concat(meta.chunks);
    if (meta.typeflag === 'L') this.longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (meta.typeflag === 'K') this.longLink = body.toString('utf8').replace(/\0.*$/s, '');
    else if (meta.typeflag === 'x') for (const [k, v] of parsePax(body)) this.pax.set(k, v);
  }
}

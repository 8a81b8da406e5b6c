/**
 * Tar headers (POSIX ustar, with the PAX and GNU long-name extensions read, and PAX written
 * when a name does not fit): what `cp` needs on both sides of the exec stream.
 */

export const BLOCK = 512;

export type EntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One entry as kubectl's cp uses it. */
export interface TarHeader {
  name: string;
  type: EntryType;
  /** Permission bits (and setuid/setgid/sticky), as Go's FileInfoHeader sets them. */
  mode: number;
  size: number;
  mtime: number;
  uid: number;
  gid: number;
  linkname: string;
  uname?: string;
  gname?: string;
}

const TYPE_FLAGS: Record<string, EntryType> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '5': 'directory',
  '2': 'symlink',
  '1': 'hardlink',
};

const FLAG_OF: Record<EntryType, string> = {
  file: '0',
  directory: '5',
  symlink: '2',
  hardlink: '1',
  other: '0',
};

function octal(buffer: Buffer, offset: number, length: number, value: number): void {
  const text = value.toString(8).padStart(length - 1, '0');
  buffer.write(`${text.slice(-(length - 1))}\0`, offset, length, 'ascii');
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
  return sum;
}

/** ustar splits a long name at a slash into prefix (155) and name (100); undefined if it cannot. */
function splitUstarName(name: string): [string, string] | undefined {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') continue;
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== '')
      return [prefix, rest];
  }
  return undefined;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const base = Buffer.byteLength(body);
  // the length counts its own digits
  let total = base + String(base).length;
  while (base + String(total).length !== total) total = base + String(total).length;
  return `${total}${body}`;
}

function ustarBlock(header: TarHeader, typeflag: string, name: string, prefix: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  octal(block, 100, 8, header.mode & 0o7777);
  octal(block, 108, 8, header.uid);
  octal(block, 116, 8, header.gid);
  octal(block, 124, 12, header.size);
  octal(block, 136, 12, Math.max(0, Math.floor(header.mtime)));
  block.write(typeflag, 156, 1, 'ascii');
  block.write(header.linkname.slice(0, 100), 157, 100, 'utf8');
  block.write('ustar\x0000', 257, 8, 'binary');
  block.write((header.uname ?? '').slice(0, 32), 265, 32, 'utf8');
  block.write((header.gname ?? '').slice(0, 32), 297, 32, 'utf8');
  block.write(prefix, 345, 155, 'utf8');
  octal(block, 148, 7, checksum(block));
  block[155] = 0x20;
  return block;
}

/** The blocks that introduce an entry: a PAX header first when the names do not fit ustar. */
export function encodeHeader(header: TarHeader): Buffer {
  const split = splitUstarName(header.name);
  const longLink = Buffer.byteLength(header.linkname) > 100;
  const flag = FLAG_OF[header.type];
  if (split && !longLink) return ustarBlock(header, flag, split[1], split[0]);
  const records =
    paxRecord('path', header.name) + (longLink ? paxRecord('linkpath', header.linkname) : '');
  const body = Buffer.from(records, 'utf8');
  const paxName = `PaxHeaders.0/${header.name.split('/').pop() ?? ''}`.slice(0, 100);
  const paxHeader = ustarBlock(
    { ...header, size: body.length, linkname: '', type: 'file' },
    'x',
    paxName,
    '',
  );
  const plain = ustarBlock(header, flag, header.name.slice(0, 100), '');
  return Buffer.concat([paxHeader, body, Buffer.alloc(padding(body.length)), plain]);
}

/** Zero bytes that round a body up to whole blocks. */
export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** A header block as read, before PAX and GNU long names are applied. */
export interface RawHeader {
  name: string;
  typeflag: string;
  mode: number;
  size: number;
  linkname: string;
}

function text(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** A numeric field: octal text, or GNU base-256 when the high bit is set. */
function numeric(block: Buffer, offset: number, length: number): number {
  const first = block[offset] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + (block[offset + i] ?? 0);
    return value;
  }
  const digits = text(block, offset, length).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

/** Parses a header block; undefined for an all-zero block (the end of the archive). */
export function parseHeader(block: Buffer): RawHeader | undefined {
  if (block.every((b) => b === 0)) return undefined;
  if (numeric(block, 148, 8) !== checksum(block))
    throw new Error('archive/tar: invalid tar header');
  const magic = block.subarray(257, 263).toString('binary');
  const prefix = magic === 'ustar\0' ? text(block, 345, 155) : '';
  const name = text(block, 0, 100);
  return {
    name: prefix ? `${prefix}/${name}` : name,
    typeflag: String.fromCharCode(block[156] ?? 0),
    mode: numeric(block, 100, 8),
    size: numeric(block, 124, 12),
    linkname: text(block, 157, 100),
  };
}

/** The entry type of a typeflag (anything unknown is 'other', written as a plain file). */
export function entryType(typeflag: string): EntryType {
  return TYPE_FLAGS[typeflag] ?? 'other';
}

/** PAX records (`<len> key=value\n`...) as a map. */
export function parsePax(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space < 0) break;
    const length = parseInt(body.subarray(at, space).toString('ascii'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}

/**
 * The archive kubectl's cp sends to `tar -xmf -` in the pod (cp.go makeTar/recursiveTar): the
 * local source under the destination's base name, directories walked in name order, empty
 * directories as entries of their own, symlinks as links, and the ustar end-of-archive blocks.
 */
import type { Stats } from 'node:fs';
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { userInfo } from 'node:os';
import { globLocal } from './local-glob.js';
import type { TarHeader } from './tar-header.js';
import { BLOCK, encodeHeader, padding } from './tar-header.js';

const CHUNK = 64 * 1024;

/** Options of the archive: `pad` rounds it up to whole 10 KiB records, as tar(1) itself does. */
export interface LocalTarOptions {
  padToRecord?: boolean;
}

/** Chunks of a tar of `srcDir/srcName` whose entries are named from `destName`. */
export async function* localTar(
  srcDir: string,
  srcName: string,
  destName: string,
  options: LocalTarOptions = {},
): AsyncGenerator<Buffer> {
  let written = 0;
  for await (const chunk of entries(srcDir, srcName, destName)) {
    written += chunk.length;
    yield chunk;
  }
  let end = 2 * BLOCK;
  if (options.padToRecord) end += (RECORD - ((written + end) % RECORD)) % RECORD;
  yield Buffer.alloc(end);
}

const RECORD = 20 * BLOCK;

async function* entries(srcDir: string, srcFile: string, destFile: string): AsyncGenerator<Buffer> {
  for (const path of globLocal(posix.join(srcDir, srcFile))) {
    const stat = lstatSync(path);
    const base = headerOf(stat, destFile);
    if (stat.isDirectory()) {
      const names = readdirSync(path).sort();
      if (names.length === 0) yield encodeHeader({ ...base, type: 'directory', size: 0 });
      for (const name of names)
        yield* entries(srcDir, posix.join(srcFile, name), posix.join(destFile, name));
      // kubectl returns after the first directory a pattern matches
      return;
    }
    if (stat.isSymbolicLink()) {
      yield encodeHeader({ ...base, type: 'symlink', size: 0, linkname: readlinkSync(path) });
      continue;
    }
    if (!stat.isFile()) continue;
    yield encodeHeader({ ...base, type: 'file', size: stat.size });
    yield* fileBody(path, stat.size);
  }
}

/** The file's bytes, exactly `size` of them (cut or zero-filled if it changed meanwhile). */
async function* fileBody(path: string, size: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    let left = size;
    while (left > 0) {
      const buffer = Buffer.alloc(Math.min(CHUNK, left));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, size - left);
      if (bytesRead === 0) {
        yield Buffer.alloc(left);
        break;
      }
      left -= bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
  yield Buffer.alloc(padding(size));
}

let names: { uid: number; user: string } | undefined;

function headerOf(stat: Stats, name: string): TarHeader {
  names ??= currentUser();
  const own = stat.uid === names.uid;
  return {
    name,
    type: 'file',
    mode: stat.mode & 0o7777,
    size: 0,
    mtime: Math.floor(stat.mtimeMs / 1000),
    uid: stat.uid,
    gid: stat.gid,
    linkname: '',
    ...(own ? { uname: names.user } : {}),
  };
}

function currentUser(): { uid: number; user: string } {
  try {
    const info = userInfo();
    return { uid: info.uid, user: info.username };
  } catch {
    return { uid: -1, user: '' };
  }
}

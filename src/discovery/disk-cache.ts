import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** kubectl's discovery cache lifetime (cli-runtime: 6 hours, by file modification time). */
export const DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000;

/**
 * A directory of cache files with client-go's CachedDiscoveryClient rules: files older than
 * the TTL are ignored; after invalidate() only files this process wrote are used; fresh()
 * tells whether everything read was written by this process; writes are atomic (temp file in
 * the same directory, chmod 0660, rename; directories 0750) and never fatal.
 */
export class DiskCache {
  readonly dir: string;
  private readonly ttlMs: number;
  private readonly ourFiles = new Set<string>();
  private invalidated = false;
  private allReadWereOurs = true;

  constructor(dir: string, ttlMs = DISCOVERY_TTL_MS) {
    this.dir = dir;
    this.ttlMs = ttlMs;
  }

  /** A file's content if present, within the TTL and allowed after invalidation. */
  async read(relativePath: string): Promise<Buffer | undefined> {
    const path = join(this.dir, relativePath);
    const ours = this.ourFiles.has(path);
    if (this.invalidated && !ours) return undefined;
    let handle;
    try {
      handle = await open(path, 'r');
    } catch {
      return undefined;
    }
    try {
      const stat = await handle.stat();
      if (Date.now() > stat.mtimeMs + this.ttlMs) return undefined;
      const content = await handle.readFile();
      this.allReadWereOurs &&= ours;
      return content;
    } catch {
      return undefined;
    } finally {
      await handle.close();
    }
  }

  /** Modification time and size of a file, under the same rules as read(); undefined if unusable. */
  async stat(relativePath: string): Promise<{ mtimeMs: number; size: number } | undefined> {
    const path = join(this.dir, relativePath);
    if (this.invalidated && !this.ourFiles.has(path)) return undefined;
    try {
      const { mtimeMs, size } = await stat(path);
      return Date.now() > mtimeMs + this.ttlMs ? undefined : { mtimeMs, size };
    } catch {
      return undefined;
    }
  }

  /** Writes a file atomically; failures are swallowed (a cache must never break a command). */
  async write(relativePath: string, content: string): Promise<boolean> {
    const path = join(this.dir, relativePath);
    try {
      await writeAtomic(path, content);
      this.ourFiles.add(path);
      return true;
    } catch {
      return false;
    }
  }

  /** Ignore every file not written by this process from now on. */
  invalidate(): void {
    this.ourFiles.clear();
    this.invalidated = true;
    this.allReadWereOurs = true;
  }

  /** True when all data read so far came from this process (a retry would not help). */
  fresh(): boolean {
    return this.allReadWereOurs;
  }
}

/** Writes `path` via a temporary file beside it and a rename (0660 file, 0750 directories). */
export async function writeAtomic(path: string, content: string | Buffer): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o750 });
  const temp = join(dir, `${basename(path)}.${randomBytes(6).readUIntBE(0, 6)}`);
  try {
    await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
    await chmod(temp, 0o660);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { serverCacheName } from '../../discovery/index.js';

/** How long names stay fresh on disk: repeated TABs within this window make no request. */
export const NAMES_TTL_MS = 20_000;

/** A small on-disk cache of object names for completion, per server, namespace and resource. */
export class NamesCache {
  constructor(
    private readonly cacheRoot: string,
    private readonly host: string,
  ) {}

  private path(key: string): string {
    return join(
      this.cacheRoot,
      'ktl-completion',
      serverCacheName(this.host),
      `${key.replace(/[^\w.-]/g, '_')}.json`,
    );
  }

  /** The names kept for a key and how old they are, if any. */
  async read(key: string): Promise<{ names: string[]; ageMs: number } | undefined> {
    const file = this.path(key);
    try {
      const [content, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
      const names = JSON.parse(content) as unknown;
      if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return undefined;
      return { names, ageMs: Date.now() - info.mtimeMs };
    } catch {
      return undefined;
    }
  }

  /** Keeps names for a key (atomically; failures are ignored: a cache must never break completion). */
  async write(key: string, names: string[]): Promise<void> {
    const file = this.path(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(file), { recursive: true, mode: 0o750 });
      await writeFile(temp, JSON.stringify(names), { mode: 0o600 });
      await rename(temp, file);
    } catch {
      // ignore
    }
  }
}
